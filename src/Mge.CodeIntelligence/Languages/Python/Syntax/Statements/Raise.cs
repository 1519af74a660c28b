namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A <c>raise</c> statement. Mirrors CPython's <c>ast.Raise</c>.
/// </summary>
public sealed class Raise : Stmt
{
    /// <summary>The raised exception, if any.</summary>
    public Expr? Exc { get; init; }

    /// <summary>The <c>from</c> cause, if any.</summary>
    public Expr? Cause { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitRaise(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.VisitIfPresent(Exc);
        walker.VisitIfPresent(Cause);
    }
}
