using Mge.CodeIntelligence.Languages;

namespace Mge.Pipeline.Storage;

/// <summary>A validation finding about one of a task's files, kept so that repair can feed it back to the model.</summary>
public sealed record TaskDiagnosticRecord(string Path, int Line, int Column, DiagnosticSeverity Severity, string Code, string Message)
{
    public static TaskDiagnosticRecord From(string path, Diagnostic diagnostic) =>
        new(path, diagnostic.Line, diagnostic.Column, diagnostic.Severity, diagnostic.Code, diagnostic.Message);

    /// <summary>"app/models/user.py:3:5 syntax: invalid syntax", the form prompts and last_error use.</summary>
    public override string ToString() => $"{Path}:{Line}:{Column} {Code}: {Message}";
}
