namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// An <c>await</c> expression. Mirrors CPython's <c>ast.Await</c>.
/// </summary>
public sealed class Await : Expr
{
    /// <summary>The awaited expression.</summary>
    public required Expr Value { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitAwait(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.Visit(Value);
    }
}
