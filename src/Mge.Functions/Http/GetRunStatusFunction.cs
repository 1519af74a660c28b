using Mge.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Mge.Functions.Http;

/// <summary><c>GET /api/projects/{id}</c>: the Functions binding of <see cref="RunStatusHandler"/>.</summary>
public sealed class GetRunStatusFunction(RunStatusHandler handler)
{
    [Function("GetRunStatus")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "projects/{runId}")] HttpRequest request,
        string runId,
        CancellationToken cancellationToken) => handler.HandleAsync(request, runId, cancellationToken);
}
