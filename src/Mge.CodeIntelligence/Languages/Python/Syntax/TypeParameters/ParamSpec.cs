namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A PEP 695 <c>**P</c> parameter. Mirrors CPython's <c>ast.ParamSpec</c>.
/// </summary>
public sealed class ParamSpec : TypeParam
{
    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitParamSpec(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
    }
}
