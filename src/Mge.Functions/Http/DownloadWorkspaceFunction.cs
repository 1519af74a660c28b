using Mge.Functions.Composition;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Mge.Functions.Http;

/// <summary>
/// <c>GET /api/projects/{id}/workspace</c>: the run's zipped workspace. Mode "stream" (default) answers 200
/// application/zip with Content-Disposition naming the project; mode "sas" answers 302 to a short-lived
/// read-only SAS URL. 404 problem for an unknown run and, with the run's status, before the zip exists.
/// </summary>
public sealed class DownloadWorkspaceFunction(RunRepository repository, WorkspaceDownloads downloads)
{
    [Function("DownloadWorkspace")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "projects/{runId}/workspace")] HttpRequest request,
        string runId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!RunIds.IsWellFormed(runId))
        {
            return ApiResponses.RunNotFound(runId);
        }

        var run = await repository.GetRunAsync(runId, cancellationToken);
        if (run is null)
        {
            return ApiResponses.RunNotFound(runId);
        }

        var fileName = WorkspaceDownloads.FileName(runId, run.Summary?.ProjectName);
        // The link must not be cached by proxies: a SAS link expires, and a zip belongs to whoever holds the key.
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        if (downloads.Mode == DownloadMode.Sas)
        {
            var uri = await downloads.SasUriAsync(runId, fileName, cancellationToken);
            return uri is null ? NotReady(run) : new RedirectResult(uri.AbsoluteUri, permanent: false);
        }

        var stream = await downloads.OpenAsync(runId, cancellationToken);
        return stream is null
            ? NotReady(run)
            : new FileStreamResult(stream, "application/zip") { FileDownloadName = fileName };
    }

    private static JsonResult NotReady(RunRecord run) => ApiResponses.Problem(
        StatusCodes.Status404NotFound,
        ProblemTypes.WorkspaceNotReady,
        "The workspace is not ready",
        run.Status switch
        {
            RunStates.Failed => $"Run '{run.RunId}' failed ({run.Error}); it has no workspace.",
            RunStates.Running => $"Run '{run.RunId}' is still running (phase {run.CurrentPhase?.ToString() ?? "starting"}); the zip exists once delivery completes.",
            _ => $"Run '{run.RunId}' has no workspace zip.",
        });
}
