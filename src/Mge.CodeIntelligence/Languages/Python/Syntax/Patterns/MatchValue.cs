namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A value pattern (literal or dotted name). Mirrors CPython's <c>ast.MatchValue</c>.
/// </summary>
public sealed class MatchValue : Pattern
{
    /// <summary>The compared value.</summary>
    public required Expr Value { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitMatchValue(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.Visit(Value);
    }
}
