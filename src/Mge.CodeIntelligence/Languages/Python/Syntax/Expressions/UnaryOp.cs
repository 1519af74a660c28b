namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A unary operation. Mirrors CPython's <c>ast.UnaryOp</c>.
/// </summary>
public sealed class UnaryOp : Expr
{
    /// <summary>The operator.</summary>
    public UnaryOperator Op { get; init; }

    /// <summary>The operand.</summary>
    public required Expr Operand { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitUnaryOp(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.Visit(Operand);
    }
}
