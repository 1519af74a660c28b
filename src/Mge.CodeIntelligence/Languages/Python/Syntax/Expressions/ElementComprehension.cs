namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>What list, set and generator comprehensions share: one element and its <c>for</c> clauses.</summary>
public abstract class ElementComprehension : Expr
{
    /// <summary>The element expression.</summary>
    public required Expr Elt { get; init; }

    /// <summary>The <c>for</c> clauses.</summary>
    public required IReadOnlyList<Comprehension> Generators { get; init; }

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.Visit(Elt);
        walker.VisitEach(Generators);
    }
}
