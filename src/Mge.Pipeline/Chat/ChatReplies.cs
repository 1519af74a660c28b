namespace Mge.Pipeline.Chat;

/// <summary>
/// The fixed answers the chat gives without the model: that a generation started (in Spanish when the message
/// that started it was Spanish, as far as the trigger word tells).
/// </summary>
public static class ChatReplies
{
    private static readonly HashSet<string> SpanishTriggers = new(StringComparer.Ordinal)
    {
        "crear", "crea", "creame", "creanos", "creemos", "implementar", "implementa", "implementame", "implementemos",
        "generar", "genera", "generame", "generemos", "vamos", "dale", "adelante", "base de datos", "modelo", "modelos",
        "esquema", "autenticacion",
    };

    public static string GenerationStarted(ChatIntent intent, string runId)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var trigger = intent.Trigger is null ? string.Empty : ChatIntentDetector.Fold(intent.Trigger);
        var spanish = SpanishTriggers.Contains(trigger) || trigger.StartsWith("si", StringComparison.Ordinal);
        return spanish
            ? $"¡En marcha! Empecé a generar el proyecto (ejecución {runId}). Te iré mostrando el progreso; al terminar tendrás el zip para descargar."
            : $"On it! I started generating the project (run {runId}). Progress will follow, and the zip is ready to download when it completes.";
    }
}
