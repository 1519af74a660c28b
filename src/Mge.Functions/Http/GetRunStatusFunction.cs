using Mge.Pipeline.Runs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Mge.Functions.Http;

/// <summary><c>GET /api/projects/{runId}</c>: the run's status from the run journal (phase, error, summary once complete), or 404.</summary>
public sealed class GetRunStatusFunction(RunJournal journal)
{
    [Function("GetRunStatus")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "projects/{runId}")] HttpRequest request,
        string runId,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(runId))
        {
            return new BadRequestObjectResult(new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "A run id is required" });
        }

        var status = await journal.GetStatusAsync(runId, cancellationToken);
        return status is null
            ? new NotFoundObjectResult(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "No such run", Detail = $"No run '{runId}' exists." })
            : new OkObjectResult(status);
    }
}
