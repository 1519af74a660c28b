using Mge.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Mge.Functions.Http;

/// <summary><c>POST /api/projects</c>: the Functions binding of <see cref="StartGenerationHandler"/> (function key, the Durable client).</summary>
public sealed class StartGenerationFunction(StartGenerationHandler handler)
{
    [Function("StartGeneration")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "projects")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) => handler.HandleAsync(request, client, cancellationToken);
}
