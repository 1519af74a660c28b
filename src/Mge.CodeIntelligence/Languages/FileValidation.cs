namespace Mge.CodeIntelligence.Languages;

/// <summary>
/// The result of checking one file. <see cref="ChecksPerformed"/> and <see cref="ChecksSkipped"/> name the
/// checks (for example <c>syntax</c>, <c>imports</c>, <c>names</c>, <c>types</c>) so that no caller ever
/// claims a check that was not done.
/// </summary>
public sealed record FileValidation(
    string Path,
    SourceLanguage Language,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<string> ChecksPerformed,
    IReadOnlyList<string> ChecksSkipped)
{
    public bool IsValid => !Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
