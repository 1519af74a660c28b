namespace Mge.Pipeline.Chat;

/// <summary>
/// What to do with one chat message: its intent, the turn it is, the conversation so far, and — when it starts a
/// generation — the request text to generate from (the message itself, or for a go-ahead the description the user
/// gave since the last generation started).
/// </summary>
public sealed record ChatDecision(
    string ConversationId,
    string Message,
    int Turn,
    ChatIntent Intent,
    string? GenerationRequest,
    IReadOnlyList<ConversationTurn> History)
{
    /// <summary>True when the message starts a generation from <see cref="GenerationRequest"/>.</summary>
    public bool StartsGeneration => GenerationRequest is not null;
}
