namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// An or-pattern <c>a | b</c>. Mirrors CPython's <c>ast.MatchOr</c>.
/// </summary>
public sealed class MatchOr : Pattern
{
    /// <summary>The alternatives.</summary>
    public required IReadOnlyList<Pattern> Patterns { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitMatchOr(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.VisitEach(Patterns);
    }
}
