using Microsoft.AspNetCore.Http;

namespace Mge.Api.Http;

/// <summary>
/// The API's URLs for one run, rooted at the incoming request's scheme, host and path base ("/api" is the host's
/// route prefix, host.json). Function keys are not part of them: callers add their key (?code= or x-functions-key).
/// </summary>
public sealed record RunLinks(string Status, string Events, string Workspace, string Negotiate)
{
    public static RunLinks For(HttpRequest request, string runId)
    {
        ArgumentNullException.ThrowIfNull(request);
        var run = $"{ApiRoot(request)}/projects/{Uri.EscapeDataString(runId)}";
        return new RunLinks(run, run + "/events", run + "/workspace", ApiRoot(request) + "/negotiate");
    }

    public static string ApiRoot(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}/api";
}
