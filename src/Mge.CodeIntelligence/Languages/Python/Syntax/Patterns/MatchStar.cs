namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A <c>*name</c> pattern inside a sequence pattern. Mirrors CPython's <c>ast.MatchStar</c>.
/// </summary>
public sealed class MatchStar : Pattern
{
    /// <summary>The captured name, null for <c>*_</c>.</summary>
    public string? Name { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitMatchStar(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
    }
}
