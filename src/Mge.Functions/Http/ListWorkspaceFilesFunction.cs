using Mge.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Mge.Functions.Http;

/// <summary><c>GET /api/projects/{id}/files</c>: the Functions binding of <see cref="WorkspaceFilesHandler"/> (the generated file tree).</summary>
public sealed class ListWorkspaceFilesFunction(WorkspaceFilesHandler handler)
{
    [Function("ListWorkspaceFiles")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "projects/{runId}/files")] HttpRequest request,
        string runId,
        CancellationToken cancellationToken) => handler.HandleAsync(request, runId, cancellationToken);
}
