namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A generator expression. Mirrors CPython's <c>ast.GeneratorExp</c>.
/// </summary>
public sealed class GeneratorExp : Expr
{
    /// <summary>The element expression.</summary>
    public required Expr Elt { get; init; }

    /// <summary>The <c>for</c> clauses.</summary>
    public required IReadOnlyList<Comprehension> Generators { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitGeneratorExp(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.Visit(Elt);
        walker.VisitEach(Generators);
    }
}
