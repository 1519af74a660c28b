namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// An <c>async with</c> statement. Mirrors CPython's <c>ast.AsyncWith</c>.
/// </summary>
public sealed class AsyncWith : WithStatement
{
    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitAsyncWith(this);
}
