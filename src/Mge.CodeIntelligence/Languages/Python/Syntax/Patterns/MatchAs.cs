namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A capture <c>name</c>, wildcard <c>_</c> or <c>pattern as name</c>. Mirrors CPython's <c>ast.MatchAs</c>.
/// </summary>
public sealed class MatchAs : Pattern
{
    /// <summary>The sub-pattern, if any.</summary>
    public Pattern? Pattern { get; init; }

    /// <summary>The captured name, null for the wildcard.</summary>
    public string? Name { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitMatchAs(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.VisitIfPresent(Pattern);
    }
}
