namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// An attribute access <c>value.attr</c>. Mirrors CPython's <c>ast.Attribute</c>.
/// </summary>
public sealed class Attribute : Expr
{
    /// <summary>The object.</summary>
    public required Expr Value { get; init; }

    /// <summary>The attribute name.</summary>
    public required string Attr { get; init; }

    /// <summary>Whether the expression is read, assigned or deleted.</summary>
    public ExprContext Ctx { get; internal set; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitAttribute(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.Visit(Value);
    }
}
