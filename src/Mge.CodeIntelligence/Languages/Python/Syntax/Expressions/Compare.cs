namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A comparison chain <c>a &lt; b &lt;= c</c>. Mirrors CPython's <c>ast.Compare</c>.
/// </summary>
public sealed class Compare : Expr
{
    /// <summary>The first operand.</summary>
    public required Expr Left { get; init; }

    /// <summary>The operators.</summary>
    public required IReadOnlyList<CompareOperator> Ops { get; init; }

    /// <summary>The operands after each operator.</summary>
    public required IReadOnlyList<Expr> Comparators { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitCompare(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.Visit(Left);
        walker.VisitEach(Comparators);
    }
}
