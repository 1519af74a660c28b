using Mge.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Mge.Functions.Http;

/// <summary><c>GET /api/projects/{id}/events?after=N&amp;limit=M</c>: the Functions binding of <see cref="RunEventsHandler"/> (catch-up).</summary>
public sealed class ListRunEventsFunction(RunEventsHandler handler)
{
    [Function("ListRunEvents")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "projects/{runId}/events")] HttpRequest request,
        string runId,
        CancellationToken cancellationToken) => handler.HandleAsync(request, runId, cancellationToken);
}
