namespace Mge.Pipeline.Chat;

/// <summary>The detected intent of one chat message and what triggered it (the keyword or phrase found), for logs and answers.</summary>
public sealed record ChatIntent(ChatIntentKind Kind, string? Trigger = null)
{
    public static ChatIntent Conversation { get; } = new(ChatIntentKind.Conversation);

    /// <summary>True for the intents that start a generation (direct, ready, detailed).</summary>
    public bool StartsGeneration => Kind != ChatIntentKind.Conversation;
}
