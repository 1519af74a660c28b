namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A lambda expression. Mirrors CPython's <c>ast.Lambda</c>.
/// </summary>
public sealed class Lambda : Expr
{
    /// <summary>The parameters.</summary>
    public required Arguments Args { get; init; }

    /// <summary>The body expression.</summary>
    public required Expr Body { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitLambda(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.Visit(Args);
        walker.Visit(Body);
    }
}
