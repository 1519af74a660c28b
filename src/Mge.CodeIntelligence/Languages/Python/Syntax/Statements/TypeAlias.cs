namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A PEP 695 <c>type X[T] = ...</c> statement. Mirrors CPython's <c>ast.TypeAlias</c>.
/// </summary>
public sealed class TypeAlias : Stmt
{
    /// <summary>The alias name (a <see cref="Name"/> in store context).</summary>
    public required Expr Name { get; init; }

    /// <summary>Type parameters.</summary>
    public required IReadOnlyList<TypeParam> TypeParams { get; init; }

    /// <summary>The aliased type expression.</summary>
    public required Expr Value { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitTypeAlias(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.Visit(Name);
        walker.VisitEach(TypeParams);
        walker.Visit(Value);
    }
}
