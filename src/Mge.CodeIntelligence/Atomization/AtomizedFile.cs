using Mge.CodeIntelligence.Languages;

namespace Mge.CodeIntelligence.Atomization;

/// <summary>A file cut into atoms; when the file does not parse, Atoms is empty and Diagnostics says why.</summary>
public sealed record AtomizedFile(string Path, SourceLanguage Language, IReadOnlyList<Atom> Atoms, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Diagnostics.All(d => d.Severity != DiagnosticSeverity.Error);
}
