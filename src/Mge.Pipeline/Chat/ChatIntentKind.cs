namespace Mge.Pipeline.Chat;

/// <summary>What a chat message asks for, in the seed's decision tree (chat_service send_message).</summary>
public enum ChatIntentKind
{
    /// <summary>Anything else: answered by the model as conversation.</summary>
    Conversation,

    /// <summary>An explicit implementation verb: "crear", "implementar", "generar", "create", "build", "generate".</summary>
    Direct,

    /// <summary>A go-ahead for what was described before: "sí a todo", "vamos", "dale", "go ahead".</summary>
    Ready,

    /// <summary>A long description (more than 30 words) that names technical things (API, REST, database, CRUD...).</summary>
    Detailed,
}
