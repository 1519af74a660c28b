namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A PEP 695 type variable <c>T</c> or <c>T: bound</c>. Mirrors CPython's <c>ast.TypeVar</c>.
/// </summary>
public sealed class TypeVar : TypeParam
{
    /// <summary>The bound or constraints tuple, if any.</summary>
    public Expr? Bound { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitTypeVar(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.VisitIfPresent(Bound);
    }
}
