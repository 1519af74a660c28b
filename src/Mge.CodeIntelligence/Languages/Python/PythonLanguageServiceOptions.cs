using Mge.CodeIntelligence.Atomization.Python;
using Mge.CodeIntelligence.Languages.Python.Analysis;

namespace Mge.CodeIntelligence.Languages.Python;

/// <summary>Configuration of <see cref="PythonLanguageService"/>: the type-check policy and the atom sizes.</summary>
public sealed record PythonLanguageServiceOptions
{
    public PythonTypeCheckOptions TypeCheck { get; init; } = PythonTypeCheckOptions.None;

    public PythonAtomizerOptions Atomizer { get; init; } = PythonAtomizerOptions.Default;

    public static PythonLanguageServiceOptions Default { get; } = new();
}
