namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// An augmented assignment such as <c>x += 1</c>. Mirrors CPython's <c>ast.AugAssign</c>.
/// </summary>
public sealed class AugAssign : Stmt
{
    /// <summary>The target.</summary>
    public required Expr Target { get; init; }

    /// <summary>The operator.</summary>
    public BinaryOperator Op { get; init; }

    /// <summary>The right-hand side.</summary>
    public required Expr Value { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitAugAssign(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.Visit(Target);
        walker.Visit(Value);
    }
}
