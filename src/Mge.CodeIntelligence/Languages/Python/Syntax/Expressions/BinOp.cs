namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A binary operation. Mirrors CPython's <c>ast.BinOp</c>.
/// </summary>
public sealed class BinOp : Expr
{
    /// <summary>The left operand.</summary>
    public required Expr Left { get; init; }

    /// <summary>The operator.</summary>
    public BinaryOperator Op { get; init; }

    /// <summary>The right operand.</summary>
    public required Expr Right { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitBinOp(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.Visit(Left);
        walker.Visit(Right);
    }
}
