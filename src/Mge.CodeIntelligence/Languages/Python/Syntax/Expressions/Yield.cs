namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A <c>yield</c> expression. Mirrors CPython's <c>ast.Yield</c>.
/// </summary>
public sealed class Yield : Expr
{
    /// <summary>The yielded value, if any.</summary>
    public Expr? Value { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitYield(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.VisitIfPresent(Value);
    }
}
