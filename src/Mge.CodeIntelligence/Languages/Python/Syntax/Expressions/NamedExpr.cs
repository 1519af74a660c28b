namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// An assignment expression <c>x := value</c>. Mirrors CPython's <c>ast.NamedExpr</c>.
/// </summary>
public sealed class NamedExpr : Expr
{
    /// <summary>The target name.</summary>
    public required Expr Target { get; init; }

    /// <summary>The value.</summary>
    public required Expr Value { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitNamedExpr(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.Visit(Target);
        walker.Visit(Value);
    }
}
