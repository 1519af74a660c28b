namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A set display. Mirrors CPython's <c>ast.Set</c>.
/// </summary>
public sealed class Set : Expr
{
    /// <summary>The elements.</summary>
    public required IReadOnlyList<Expr> Elts { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitSet(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.VisitEach(Elts);
    }
}
