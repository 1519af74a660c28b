using Mge.Pipeline.Runs;
using System.IO.Compression;
using Mge.Pipeline.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Mge.Api.Http;

/// <summary>
/// <c>GET /api/projects/{id}/files</c>: the generated project's file tree, read from the run's zip (path and
/// size of every file, in the zip's order), so a page can show what the download contains. 404 problem for an
/// unknown run and before the zip exists.
/// </summary>
public sealed class WorkspaceFilesHandler(RunRepository repository, IWorkspaceArchives archives)
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

        await using var stream = await archives.OpenAsync(runId, cancellationToken);
        if (stream is null)
        {
            return WorkspaceDownloadHandler.NotReady(run);
        }

        // ZipArchive needs a seekable stream to read the central directory; blob streams are not.
        await using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        using var zip = new ZipArchive(buffer, ZipArchiveMode.Read);
        var files = zip.Entries
            .Where(e => !e.FullName.EndsWith('/'))
            .Select(e => new WorkspaceFile(e.FullName, e.Length))
            .ToList();
        return ApiResponses.Json(new WorkspaceFileList(runId, WorkspaceFileNames.For(runId, run.Summary?.ProjectName), files));
    }
}
