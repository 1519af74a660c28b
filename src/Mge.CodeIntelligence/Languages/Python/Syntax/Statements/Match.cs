namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A <c>match</c> statement. Mirrors CPython's <c>ast.Match</c>.
/// </summary>
public sealed class Match : Stmt
{
    /// <summary>The matched subject.</summary>
    public required Expr Subject { get; init; }

    /// <summary>The case blocks.</summary>
    public required IReadOnlyList<MatchCase> Cases { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitMatch(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.Visit(Subject);
        walker.VisitEach(Cases);
    }
}
