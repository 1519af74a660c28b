using Microsoft.Extensions.AI;
using Mge.Pipeline.Prompting;

namespace Mge.Pipeline.Chat;

/// <summary>
/// The chat side of MGE: decides whether a message starts a generation (<see cref="ChatIntentDetector"/>) or
/// gets a conversational answer from the model, answers it, and keeps the conversation's turns. The host starts
/// generations itself (it owns the workflow client) and records them with <see cref="RecordStartAsync"/>.
/// </summary>
public sealed class ChatConversation
{
    /// <summary>Most recent turns sent to the model with a new message; older ones are left out to bound the prompt.</summary>
    public const int MaxHistoryTurns = 20;

    private readonly ConversationStore _store;
    private readonly ModelGateway _gateway;
    private readonly PromptBuilder _prompts;
    private readonly TimeProvider _time;

    public ChatConversation(ConversationStore store, ModelGateway gateway, PromptBuilder prompts, TimeProvider time)
    {
        _store = store;
        _gateway = gateway;
        _prompts = prompts;
        _time = time;
    }

    /// <summary>
    /// Reads the conversation and detects the message's intent. A go-ahead ("vamos") with nothing described since
    /// the last generation has nothing to build, so it is treated as conversation.
    /// </summary>
    public async Task<ChatDecision> DecideAsync(string conversationId, string message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        var history = await _store.ListAsync(conversationId, cancellationToken).ConfigureAwait(false);
        var turn = history.Count == 0 ? 1 : history.Max(t => t.Turn) + 1;
        var intent = ChatIntentDetector.Detect(message);
        string? request = intent.Kind switch
        {
            ChatIntentKind.Direct or ChatIntentKind.Detailed => message.Trim(),
            ChatIntentKind.Ready => DescriptionSinceLastRun(history),
            _ => null,
        };

        if (intent.Kind == ChatIntentKind.Ready && request is null)
        {
            intent = ChatIntent.Conversation;
        }

        return new ChatDecision(conversationId, message, turn, intent, request, history);
    }

    /// <summary>The model's answer to a conversational message (journaled per conversation and message, so a retry is not paid twice); both turns are stored.</summary>
    public async Task<string> ReplyAsync(ChatDecision decision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var history = decision.History
            .TakeLast(MaxHistoryTurns)
            .Select(t => new ChatMessage(t.Role == ConversationTurn.UserRole ? ChatRole.User : ChatRole.Assistant, t.Text))
            .ToList();
        var messages = _prompts.Chat(decision.Message, history);
        var result = await _gateway.CompleteAsync(
            ConversationIds.CallPartition(decision.ConversationId),
            ConversationIds.CallKey(decision.Turn, decision.Message),
            ModelRole.Chat,
            messages,
            cancellationToken: cancellationToken).ConfigureAwait(false);

        var reply = result.Text.Trim();
        if (reply.Length == 0)
        {
            throw new InvalidOperationException($"The model ({result.Model}) returned an empty answer to call '{result.CallKey}'.");
        }

        await SaveAsync(decision, reply, null, cancellationToken).ConfigureAwait(false);
        return reply;
    }

    /// <summary>Stores the message and the answer that says which generation it started.</summary>
    public Task RecordStartAsync(ChatDecision decision, string runId, string reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reply);
        return SaveAsync(decision, reply, runId, cancellationToken);
    }

    private Task SaveAsync(ChatDecision decision, string reply, string? runId, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var user = new ConversationTurn
        {
            Turn = decision.Turn,
            Role = ConversationTurn.UserRole,
            Text = decision.Message,
            At = now,
            Intent = decision.Intent.Kind.ToString(),
        };
        var assistant = new ConversationTurn
        {
            Turn = decision.Turn,
            Role = ConversationTurn.AssistantRole,
            Text = reply,
            At = now,
            RunId = runId,
        };
        return _store.SaveExchangeAsync(decision.ConversationId, user, assistant, cancellationToken);
    }

    /// <summary>What the user described since the last generation this conversation started (their own go-aheads left out), or null when nothing.</summary>
    private static string? DescriptionSinceLastRun(IReadOnlyList<ConversationTurn> history)
    {
        var lastRun = history.Select((t, i) => (t, i)).LastOrDefault(x => x.t.RunId is not null);
        var start = lastRun.t is null ? 0 : lastRun.i + 1;
        var described = history.Skip(start)
            .Where(t => t.Role == ConversationTurn.UserRole && ChatIntentDetector.Detect(t.Text).Kind != ChatIntentKind.Ready)
            .Select(t => t.Text.Trim())
            .Where(t => t.Length > 0)
            .ToList();
        return described.Count == 0 ? null : string.Join("\n", described);
    }
}
