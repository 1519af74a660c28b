namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A <c>class</c> statement; spans as for <see cref="FunctionDef"/>. Mirrors CPython's <c>ast.ClassDef</c>.
/// </summary>
public sealed class ClassDef : Stmt
{
    /// <summary>Decorator expressions.</summary>
    public required IReadOnlyList<Expr> DecoratorList { get; init; }

    /// <summary>The class name.</summary>
    public required string Name { get; init; }

    /// <summary>PEP 695 type parameters.</summary>
    public required IReadOnlyList<TypeParam> TypeParams { get; init; }

    /// <summary>Positional base expressions.</summary>
    public required IReadOnlyList<Expr> Bases { get; init; }

    /// <summary>Keyword arguments such as <c>metaclass=</c>.</summary>
    public required IReadOnlyList<Keyword> Keywords { get; init; }

    /// <summary>The statements of the block.</summary>
    public required IReadOnlyList<Stmt> Body { get; init; }

    /// <summary>The span including decorators.</summary>
    public TextSpan DecoratedSpan { get; internal set; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitClassDef(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.VisitEach(DecoratorList);
        walker.VisitEach(TypeParams);
        walker.VisitInSourceOrder(Bases, Keywords);
        walker.VisitEach(Body);
    }
}
