namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// One context manager of a <c>with</c> statement. Mirrors CPython's <c>ast.withitem</c>.
/// </summary>
public sealed class WithItem : PyNode
{
    /// <summary>The context manager expression.</summary>
    public required Expr ContextExpr { get; init; }

    /// <summary>The <c>as</c> target, if any.</summary>
    public Expr? OptionalVars { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitWithItem(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.Visit(ContextExpr);
        walker.VisitIfPresent(OptionalVars);
    }
}
