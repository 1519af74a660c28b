namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// One <c>case</c> block. Mirrors CPython's <c>ast.match_case</c>.
/// </summary>
public sealed class MatchCase : PyNode
{
    /// <summary>The pattern.</summary>
    public required Pattern Pattern { get; init; }

    /// <summary>The <c>if</c> guard, if any.</summary>
    public Expr? Guard { get; init; }

    /// <summary>The statements of the block.</summary>
    public required IReadOnlyList<Stmt> Body { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitMatchCase(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.Visit(Pattern);
        walker.VisitIfPresent(Guard);
        walker.VisitEach(Body);
    }
}
