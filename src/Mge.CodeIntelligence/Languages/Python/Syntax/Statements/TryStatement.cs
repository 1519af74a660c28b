namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>What <c>try</c> with <c>except</c> and with <c>except*</c> share: one declaration of their fields and children.</summary>
public abstract class TryStatement : Stmt
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
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.VisitEach(Body);
        walker.VisitEach(Handlers);
        walker.VisitEach(Orelse);
        walker.VisitEach(Finalbody);
    }
}
