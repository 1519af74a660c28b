namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A <c>None</c>, <c>True</c> or <c>False</c> pattern. Mirrors CPython's <c>ast.MatchSingleton</c>.
/// </summary>
public sealed class MatchSingleton : Pattern
{
    /// <summary>null, true or false.</summary>
    public object? Value { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitMatchSingleton(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
    }
}
