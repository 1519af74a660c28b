namespace Mge.CodeIntelligence.Atomization.Python;

/// <summary>
/// Size targets for Python atoms. <see cref="TargetLines"/> is the size groups of statements and fragments
/// aim for; functions and methods longer than <see cref="SplitFunctionsOver"/> lines are split into a first
/// part and fragments; import groups longer than <see cref="MaxImportLines"/> are split.
/// </summary>
public sealed record PythonAtomizerOptions(int TargetLines = 10, int SplitFunctionsOver = 15, int MaxImportLines = 10)
{
    public static PythonAtomizerOptions Default { get; } = new();
}
