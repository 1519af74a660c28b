namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// An <c>async def</c> statement; spans as for <see cref="FunctionDef"/>. Mirrors CPython's <c>ast.AsyncFunctionDef</c>.
/// </summary>
public sealed class AsyncFunctionDef : FunctionDefinition
{
    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitAsyncFunctionDef(this);
}
