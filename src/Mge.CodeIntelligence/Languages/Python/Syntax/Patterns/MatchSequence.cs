namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A sequence pattern <c>[a, *rest]</c>. Mirrors CPython's <c>ast.MatchSequence</c>.
/// </summary>
public sealed class MatchSequence : Pattern
{
    /// <summary>The element patterns.</summary>
    public required IReadOnlyList<Pattern> Patterns { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitMatchSequence(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.VisitEach(Patterns);
    }
}
