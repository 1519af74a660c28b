namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// An expression used as a statement (CPython's <c>ast.Expr</c>; renamed because <see cref="Syntax.Expr"/> is the expression base class). Mirrors CPython's <c>ast.Expr</c>.
/// </summary>
public sealed class ExprStmt : Stmt
{
    /// <summary>The expression.</summary>
    public required Expr Value { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitExprStmt(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.Visit(Value);
    }
}
