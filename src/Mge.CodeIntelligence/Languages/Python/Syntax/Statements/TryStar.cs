namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A <c>try</c> statement with <c>except*</c> clauses. Mirrors CPython's <c>ast.TryStar</c>.
/// </summary>
public sealed class TryStar : Stmt
{
    /// <summary>The statements of the block.</summary>
    public required IReadOnlyList<Stmt> Body { get; init; }

    /// <summary>The except clauses.</summary>
    public required IReadOnlyList<ExceptHandler> Handlers { get; init; }

    /// <summary>The <c>else</c> block; empty when absent.</summary>
    public required IReadOnlyList<Stmt> Orelse { get; init; }

    /// <summary>The <c>finally</c> block; empty when absent.</summary>
    public required IReadOnlyList<Stmt> Finalbody { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitTryStar(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.VisitEach(Body);
        walker.VisitEach(Handlers);
        walker.VisitEach(Orelse);
        walker.VisitEach(Finalbody);
    }
}
