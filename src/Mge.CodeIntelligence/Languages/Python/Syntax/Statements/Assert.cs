namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// An <c>assert</c> statement. Mirrors CPython's <c>ast.Assert</c>.
/// </summary>
public sealed class Assert : Stmt
{
    /// <summary>The asserted condition.</summary>
    public required Expr Test { get; init; }

    /// <summary>The message, if any.</summary>
    public Expr? Msg { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitAssert(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.Visit(Test);
        walker.VisitIfPresent(Msg);
    }
}
