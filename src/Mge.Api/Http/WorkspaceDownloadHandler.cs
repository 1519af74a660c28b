using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Mge.Api.Http;

/// <summary>
/// <c>GET /api/projects/{id}/workspace</c>: the run's zipped workspace, streamed as application/zip with
/// Content-Disposition naming the project, or a 302 to a short-lived link when the host's
/// <see cref="IWorkspaceArchives"/> hands out links. 404 problem for an unknown run and, with the run's status,
/// before the zip exists.
/// </summary>
public sealed class WorkspaceDownloadHandler(RunRepository repository, IWorkspaceArchives archives)
{
    public async Task<IActionResult> HandleAsync(HttpRequest request, string runId, CancellationToken cancellationToken)
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

        var fileName = WorkspaceFileNames.For(runId, run.Summary?.ProjectName);
        // The link must not be cached by proxies: a SAS link expires, and a zip belongs to whoever holds the key.
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        if (archives.UsesLinks)
        {
            var uri = await archives.LinkAsync(runId, fileName, cancellationToken);
            return uri is null ? NotReady(run) : new RedirectResult(uri.AbsoluteUri, permanent: false);
        }

        var stream = await archives.OpenAsync(runId, cancellationToken);
        return stream is null
            ? NotReady(run)
            : new FileStreamResult(stream, "application/zip") { FileDownloadName = fileName };
    }

    /// <summary>The 404 for a run without a zip, saying why (failed, still running, or none).</summary>
    internal static JsonResult NotReady(RunRecord run) => ApiResponses.Problem(
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
