namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// An <c>async with</c> statement. Mirrors CPython's <c>ast.AsyncWith</c>.
/// </summary>
public sealed class AsyncWith : Stmt
{
    /// <summary>The context managers.</summary>
    public required IReadOnlyList<WithItem> Items { get; init; }

    /// <summary>The statements of the block.</summary>
    public required IReadOnlyList<Stmt> Body { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitAsyncWith(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.VisitEach(Items);
        walker.VisitEach(Body);
    }
}
