namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A <c>return</c> statement. Mirrors CPython's <c>ast.Return</c>.
/// </summary>
public sealed class Return : Stmt
{
    /// <summary>The returned expression, if any.</summary>
    public Expr? Value { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitReturn(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.VisitIfPresent(Value);
    }
}
