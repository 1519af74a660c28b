using Mge.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Mge.Functions.Http;

/// <summary><c>POST /api/chat</c> {message, conversationId?}: the Functions binding of <see cref="ChatHandler"/>.</summary>
public sealed class ChatFunction(ChatHandler handler)
{
    [Function("Chat")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "chat")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) => handler.HandleAsync(request, client, cancellationToken);
}
