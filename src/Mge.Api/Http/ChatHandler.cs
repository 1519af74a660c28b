using Mge.Pipeline.Chat;
using Mge.Pipeline.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Mge.Api.Http;

/// <summary>
/// <c>POST /api/chat</c> {message, conversationId?}: the seed's chat. A message that asks for a generation
/// (<see cref="ChatIntentDetector"/>: direct, ready, detailed) starts one through <see cref="GenerationStarter"/>,
/// exactly like <c>POST /api/projects</c>, and answers 202 with the run; anything else gets the model's answer,
/// 200 {reply, conversationId}. 400 problem for a missing or oversized message or a malformed conversation id.
/// </summary>
public sealed class ChatHandler(ChatConversation conversation, GenerationStarter starter, GenerationRequestValidator validator, ILogger<ChatHandler> logger)
{
    private const string Example = "{\"message\": \"Create a FastAPI REST API for task management with users, tasks and comments\", \"conversationId\"?: \"conv-1\", \"projectType\"?: \"fastapi\", \"options\"?: {\"concurrency\": 10, \"budgetUsd\": 5}}";

    public async Task<IActionResult> HandleAsync(HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);

        var body = await JsonBodyReader.ReadAsync<ChatBody>(request, Example, allowEmpty: false, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (validator.Problem(body.Value!.Message) is { } messageProblem)
        {
            errors["message"] = [messageProblem.Replace("The request", "The message", StringComparison.Ordinal)];
        }

        var conversationId = body.Value.ConversationId ?? ConversationIds.New();
        if (ConversationIds.Problem(conversationId) is { } idProblem)
        {
            errors["conversationId"] = [idProblem];
        }

        if (errors.Count > 0)
        {
            return ApiResponses.Problem(
                StatusCodes.Status400BadRequest,
                ProblemTypes.InvalidRequest,
                "The chat message cannot be handled",
                string.Join(" ", errors.SelectMany(e => e.Value)),
                errors);
        }

        var decision = await conversation.DecideAsync(conversationId, body.Value.Message!, cancellationToken);
        if (decision.StartsGeneration)
        {
            var outcome = await starter.StartAsync(new StartGenerationBody(decision.GenerationRequest, body.Value.ProjectType, body.Value.Options), CallerIdentity.RunOwner(request), client, request, cancellationToken);
            if (outcome.Problem is not null)
            {
                return outcome.Problem;
            }

            var run = outcome.Accepted!;
            var started = ChatReplies.GenerationStarted(decision.Intent, run.Id);
            await conversation.RecordStartAsync(decision, run.Id, started, cancellationToken);
            logger.LogInformation("Chat {ConversationId}: {Intent} intent ('{Trigger}') started run {RunId}", conversationId, decision.Intent.Kind, decision.Intent.Trigger, run.Id);
            request.HttpContext.Response.Headers.Location = run.Links.Status;
            return ApiResponses.Json(new ChatStartedResponse(started, conversationId, IntentName(decision.Intent), run.Id, run), StatusCodes.Status202Accepted);
        }

        var reply = await conversation.ReplyAsync(decision, cancellationToken);
        return ApiResponses.Json(new ChatReplyResponse(reply, conversationId, IntentName(decision.Intent)));
    }

    private static string IntentName(ChatIntent intent) => intent.Kind.ToString().ToLowerInvariant();
}
