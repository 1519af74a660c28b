namespace Mge.Pipeline.Chat;

/// <summary>
/// One message of a chat conversation (table "conversations", partition conversation id, row
/// "{turn:D5}-{1 user | 2 assistant}"): who said it, the text, when, and for an assistant turn that started a
/// generation, the run it started (the conversation's later go-aheads only look at what came after it).
/// </summary>
public sealed record ConversationTurn
{
    public const string UserRole = "user";
    public const string AssistantRole = "assistant";

    public required int Turn { get; init; }
    public required string Role { get; init; }
    public required string Text { get; init; }
    public required DateTimeOffset At { get; init; }

    /// <summary>The intent detected for a user turn (its <see cref="ChatIntentKind"/> name).</summary>
    public string? Intent { get; init; }

    /// <summary>Set on the assistant turn that answered by starting a generation.</summary>
    public string? RunId { get; init; }
}
