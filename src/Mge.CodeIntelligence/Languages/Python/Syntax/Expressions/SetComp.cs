namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A set comprehension. Mirrors CPython's <c>ast.SetComp</c>.
/// </summary>
public sealed class SetComp : ElementComprehension
{
    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitSetComp(this);
}
