using Mge.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Mge.Functions.Http;

/// <summary>
/// <c>POST /api/negotiate</c> {runId?} (anonymous, so browsers can call it): the Functions binding of
/// <see cref="NegotiateHandler"/> over Azure SignalR Service (<see cref="AzureSignalRNegotiation"/>).
/// </summary>
public sealed class NegotiateFunction(NegotiateHandler handler)
{
    [Function("Negotiate")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "negotiate")] HttpRequest request,
        CancellationToken cancellationToken) => handler.HandleAsync(request, cancellationToken);
}
