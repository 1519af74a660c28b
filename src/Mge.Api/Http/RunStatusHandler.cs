using Mge.Pipeline.Runs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Mge.Api.Http;

/// <summary><c>GET /api/projects/{id}</c>: the run's <see cref="RunStatusView"/>, or 404 problem for an unknown id.</summary>
public sealed class RunStatusHandler(RunStatusReader reader)
{
    public async Task<IActionResult> HandleAsync(HttpRequest request, string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!RunIds.IsWellFormed(runId))
        {
            return ApiResponses.RunNotFound(runId);
        }

        var view = await reader.ReadAsync(runId, RunLinks.For(request, runId), cancellationToken);
        return view is null ? ApiResponses.RunNotFound(runId) : ApiResponses.Json(view);
    }
}
