using Mge.Api.Http;
using Microsoft.AspNetCore.Http;

namespace Mge.Cli.Serve;

/// <summary><c>mge serve</c>'s <see cref="IProgressNegotiator"/>: the URL of its own <see cref="ProgressHub"/> and a token for the run's group.</summary>
public sealed class LocalHubNegotiator(HubAccessTokens tokens) : IProgressNegotiator
{
    public Task<ProgressConnection> NegotiateAsync(HttpRequest request, string userId, string? runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}{ProgressHub.Path}";
        return Task.FromResult(new ProgressConnection(url, tokens.Issue(userId, runId)));
    }
}
