using Mge.CodeIntelligence.Languages.Python.Syntax;

namespace Mge.CodeIntelligence.Languages.Python.Parsing;

/// <summary>
/// The outcome of parsing one Python file. <see cref="Tree"/> is non-null exactly when
/// <see cref="Diagnostics"/> holds no error: the parser recovers from errors only to report later ones,
/// and never hands out a tree built around a guess.
/// </summary>
public sealed record PythonParseResult(Module? Tree, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when the source parsed without errors.</summary>
    public bool Success => Tree is not null;
}
