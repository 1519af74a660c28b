using Mge.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Mge.Functions.Http;

/// <summary>
/// <c>GET /api/projects/{id}/workspace</c>: the Functions binding of <see cref="WorkspaceDownloadHandler"/>, over
/// <see cref="WorkspaceDownloads"/> (mode "stream" streams the blob, mode "sas" redirects to a short-lived SAS link).
/// </summary>
public sealed class DownloadWorkspaceFunction(WorkspaceDownloadHandler handler)
{
    [Function("DownloadWorkspace")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "projects/{runId}/workspace")] HttpRequest request,
        string runId,
        CancellationToken cancellationToken) => handler.HandleAsync(request, runId, cancellationToken);
}
