namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A <c>while</c> loop. Mirrors CPython's <c>ast.While</c>.
/// </summary>
public sealed class While : Stmt
{
    /// <summary>The condition.</summary>
    public required Expr Test { get; init; }

    /// <summary>The statements of the block.</summary>
    public required IReadOnlyList<Stmt> Body { get; init; }

    /// <summary>The <c>else</c> block; empty when absent.</summary>
    public required IReadOnlyList<Stmt> Orelse { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitWhile(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.Visit(Test);
        walker.VisitEach(Body);
        walker.VisitEach(Orelse);
    }
}
