namespace Mge.CodeIntelligence.Languages;

public enum DiagnosticSeverity
{
    Error,
    Warning,
    Info,
}

/// <summary>
/// A finding about a file. Line and column are 1-based. <see cref="Code"/> is a stable identifier
/// (for example <c>syntax</c>, <c>import-unresolved</c>, <c>undefined-name</c>, <c>types-not-checked</c>).
/// </summary>
public sealed record Diagnostic(int Line, int Column, DiagnosticSeverity Severity, string Code, string Message)
{
    public override string ToString() => $"{Line}:{Column} {Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
}
