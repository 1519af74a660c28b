namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A <c>def</c> statement. <see cref="PyNode.Span"/> starts at <c>def</c>, as CPython's lineno does; <see cref="DecoratedSpan"/> includes the decorators. Mirrors CPython's <c>ast.FunctionDef</c>.
/// </summary>
public sealed class FunctionDef : FunctionDefinition
{
    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitFunctionDef(this);
}
