namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A slice <c>lower:upper:step</c> inside a subscript. Mirrors CPython's <c>ast.Slice</c>.
/// </summary>
public sealed class Slice : Expr
{
    /// <summary>The lower bound, if any.</summary>
    public Expr? Lower { get; init; }

    /// <summary>The upper bound, if any.</summary>
    public Expr? Upper { get; init; }

    /// <summary>The step, if any.</summary>
    public Expr? Step { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitSlice(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.VisitIfPresent(Lower);
        walker.VisitIfPresent(Upper);
        walker.VisitIfPresent(Step);
    }
}
