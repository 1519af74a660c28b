using Microsoft.AspNetCore.Http;

namespace Mge.Api.Http;

/// <summary>
/// Hands a caller the SignalR connection that carries a run's progress: Azure SignalR Service in the Functions
/// app (a service URL and token, the user added to the run's group), the local hub under <c>mge serve</c>. The
/// page follows the same negotiate -> connect flow against either.
/// </summary>
public interface IProgressNegotiator
{
    /// <param name="request">The negotiate request (a local hub's URL is rooted at it).</param>
    /// <param name="userId">Who connects: the principal, or a fresh anonymous id.</param>
    /// <param name="runId">The run whose progress group the connection joins, if any.</param>
    /// <exception cref="ProgressNegotiationException">The progress service refused the group membership.</exception>
    Task<ProgressConnection> NegotiateAsync(HttpRequest request, string userId, string? runId, CancellationToken cancellationToken);
}
