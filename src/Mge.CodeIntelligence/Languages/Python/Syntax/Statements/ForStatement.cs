namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>What <c>for</c> and <c>async for</c> share: one declaration of their fields and children.</summary>
public abstract class ForStatement : Stmt
{
    /// <summary>The loop target.</summary>
    public required Expr Target { get; init; }

    /// <summary>The iterated expression.</summary>
    public required Expr Iter { get; init; }

    /// <summary>The statements of the block.</summary>
    public required IReadOnlyList<Stmt> Body { get; init; }

    /// <summary>The <c>else</c> block; empty when absent.</summary>
    public required IReadOnlyList<Stmt> Orelse { get; init; }

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.Visit(Target);
        walker.Visit(Iter);
        walker.VisitEach(Body);
        walker.VisitEach(Orelse);
    }
}
