namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A tuple display or tuple target. Its span includes the parentheses when written. Mirrors CPython's <c>ast.Tuple</c>.
/// </summary>
public sealed class Tuple : Expr
{
    /// <summary>The elements.</summary>
    public required IReadOnlyList<Expr> Elts { get; init; }

    /// <summary>Whether the expression is read, assigned or deleted.</summary>
    public ExprContext Ctx { get; internal set; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitTuple(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.VisitEach(Elts);
    }
}
