namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A name. Mirrors CPython's <c>ast.Name</c>.
/// </summary>
public sealed class Name : Expr
{
    /// <summary>The identifier.</summary>
    public required string Id { get; init; }

    /// <summary>Whether the expression is read, assigned or deleted.</summary>
    public ExprContext Ctx { get; internal set; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitName(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
    }
}
