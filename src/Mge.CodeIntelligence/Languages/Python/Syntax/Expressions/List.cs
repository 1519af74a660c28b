namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A list display or list target. Mirrors CPython's <c>ast.List</c>.
/// </summary>
public sealed class List : Expr
{
    /// <summary>The elements.</summary>
    public required IReadOnlyList<Expr> Elts { get; init; }

    /// <summary>Whether the expression is read, assigned or deleted.</summary>
    public ExprContext Ctx { get; internal set; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitList(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.VisitEach(Elts);
    }
}
