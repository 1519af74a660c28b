namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A starred expression <c>*value</c>. Mirrors CPython's <c>ast.Starred</c>.
/// </summary>
public sealed class Starred : Expr
{
    /// <summary>The starred expression.</summary>
    public required Expr Value { get; init; }

    /// <summary>Whether the expression is read, assigned or deleted.</summary>
    public ExprContext Ctx { get; internal set; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitStarred(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.Visit(Value);
    }
}
