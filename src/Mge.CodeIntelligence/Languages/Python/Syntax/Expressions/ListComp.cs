namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A list comprehension. Mirrors CPython's <c>ast.ListComp</c>.
/// </summary>
public sealed class ListComp : ElementComprehension
{
    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitListComp(this);
}
