namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A subscript <c>value[slice]</c>. Mirrors CPython's <c>ast.Subscript</c>.
/// </summary>
public sealed class Subscript : Expr
{
    /// <summary>The subscripted object.</summary>
    public required Expr Value { get; init; }

    /// <summary>The index: an expression, a <see cref="Syntax.Slice"/> or a <see cref="Syntax.Tuple"/>.</summary>
    public required Expr Slice { get; init; }

    /// <summary>Whether the expression is read, assigned or deleted.</summary>
    public ExprContext Ctx { get; internal set; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitSubscript(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.Visit(Value);
        walker.Visit(Slice);
    }
}
