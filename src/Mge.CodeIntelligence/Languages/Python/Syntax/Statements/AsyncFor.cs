namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// An <c>async for</c> loop. Mirrors CPython's <c>ast.AsyncFor</c>.
/// </summary>
public sealed class AsyncFor : ForStatement
{
    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitAsyncFor(this);
}
