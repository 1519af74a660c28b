namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A <c>yield from</c> expression. Mirrors CPython's <c>ast.YieldFrom</c>.
/// </summary>
public sealed class YieldFrom : Expr
{
    /// <summary>The delegated iterable.</summary>
    public required Expr Value { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitYieldFrom(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.Visit(Value);
    }
}
