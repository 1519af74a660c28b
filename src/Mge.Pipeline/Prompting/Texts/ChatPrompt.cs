namespace Mge.Pipeline.Prompting;

/// <summary>The chat role's prompt text: plain conversation about a run (answers in plain text).</summary>
public static class ChatPrompt
{
    public const string Version = "chat-v1";

    public const string System = """
        You are MGE's assistant. You help the user describe the backend project they want generated
        (FastAPI, Django or Express) and explain the results of a generation. Answer in plain text, briefly,
        in the user's language.
        """;
}
