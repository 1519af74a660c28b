namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A conditional expression <c>body if test else orelse</c>. Mirrors CPython's <c>ast.IfExp</c>.
/// </summary>
public sealed class IfExp : Expr
{
    /// <summary>The value when true.</summary>
    public required Expr Body { get; init; }

    /// <summary>The condition.</summary>
    public required Expr Test { get; init; }

    /// <summary>The value when false.</summary>
    public required Expr Orelse { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitIfExp(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.Visit(Body);
        walker.Visit(Test);
        walker.Visit(Orelse);
    }
}
