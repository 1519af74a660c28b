namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A set comprehension. Mirrors CPython's <c>ast.SetComp</c>.
/// </summary>
public sealed class SetComp : Expr
{
    /// <summary>The element expression.</summary>
    public required Expr Elt { get; init; }

    /// <summary>The <c>for</c> clauses.</summary>
    public required IReadOnlyList<Comprehension> Generators { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitSetComp(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.Visit(Elt);
        walker.VisitEach(Generators);
    }
}
