using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Mge.Functions.Http;

/// <summary>
/// Builds the management URLs returned for a started run. Inside the Functions host the durable client
/// knows the webhook base URL and its system-key query string, so the extension's own payload is used;
/// a client that does not (a test double) gets the same routes rooted at the incoming request's host, without a key.
/// </summary>
internal static class ManagementUrls
{
    public static GenerationAccepted For(DurableTaskClient client, HttpRequest request, string runId)
    {
        var links = RunLinks.For(request, runId);
        if (HostPayload(client, runId) is { } host)
        {
            return new GenerationAccepted(
                runId,
                host.GetProperty("statusQueryGetUri").GetString()!,
                host.GetProperty("sendEventPostUri").GetString()!,
                host.GetProperty("terminatePostUri").GetString()!,
                host.GetProperty("purgeHistoryDeleteUri").GetString()!,
                host.GetProperty("suspendPostUri").GetString()!,
                host.GetProperty("resumePostUri").GetString()!,
                links);
        }

        var instance = $"{request.Scheme}://{request.Host}{request.PathBase}/runtime/webhooks/durabletask/instances/{Uri.EscapeDataString(runId)}";
        return new GenerationAccepted(
            runId,
            instance,
            instance + "/raiseEvent/{eventName}",
            instance + "/terminate?reason={text}",
            instance,
            instance + "/suspend?reason={text}",
            instance + "/resume?reason={text}",
            links);
    }

    /// <summary>
    /// The extension's payload when the client knows the host's webhook base URL (the client the Functions
    /// host binds does; its type is internal to the extension). The extension documents an
    /// InvalidOperationException for "no base URL", which is exactly the case the caller falls back on.
    /// </summary>
    private static JsonElement? HostPayload(DurableTaskClient client, string runId)
    {
        object payload;
        try
        {
            payload = client.CreateHttpManagementPayload(runId);
        }
        catch (InvalidOperationException)
        {
            return null;
        }

        // An anonymous object: reading it back through JSON keeps to its public shape (property names).
        return JsonSerializer.SerializeToElement(payload);
    }
}
