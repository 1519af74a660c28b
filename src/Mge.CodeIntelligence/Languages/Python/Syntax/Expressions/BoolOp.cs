namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A chain of one boolean operator: <c>a and b and c</c> is one node with three values. Mirrors CPython's <c>ast.BoolOp</c>.
/// </summary>
public sealed class BoolOp : Expr
{
    /// <summary>The operator.</summary>
    public BoolOperator Op { get; init; }

    /// <summary>The operands.</summary>
    public required IReadOnlyList<Expr> Values { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitBoolOp(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.VisitEach(Values);
    }
}
