namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>What <c>with</c> and <c>async with</c> share: one declaration of their fields and children.</summary>
public abstract class WithStatement : Stmt
{
    /// <summary>The context managers.</summary>
    public required IReadOnlyList<WithItem> Items { get; init; }

    /// <summary>The statements of the block.</summary>
    public required IReadOnlyList<Stmt> Body { get; init; }

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.VisitEach(Items);
        walker.VisitEach(Body);
    }
}
