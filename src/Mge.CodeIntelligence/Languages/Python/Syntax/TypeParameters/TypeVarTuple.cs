namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A PEP 695 <c>*Ts</c> parameter. Mirrors CPython's <c>ast.TypeVarTuple</c>.
/// </summary>
public sealed class TypeVarTuple : TypeParam
{
    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitTypeVarTuple(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
    }
}
