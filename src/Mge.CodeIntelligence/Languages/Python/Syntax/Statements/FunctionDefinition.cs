namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>What <c>def</c> and <c>async def</c> share: one declaration of their fields and children.</summary>
public abstract class FunctionDefinition : Stmt
{
    /// <summary>Decorator expressions, in source order.</summary>
    public required IReadOnlyList<Expr> DecoratorList { get; init; }

    /// <summary>The function's name.</summary>
    public required string Name { get; init; }

    /// <summary>PEP 695 type parameters; empty when absent.</summary>
    public required IReadOnlyList<TypeParam> TypeParams { get; init; }

    /// <summary>The parameters.</summary>
    public required Arguments Args { get; init; }

    /// <summary>The return annotation, if any.</summary>
    public Expr? Returns { get; init; }

    /// <summary>The statements of the block.</summary>
    public required IReadOnlyList<Stmt> Body { get; init; }

    /// <summary>The span from the first decorator's <c>@</c> (or the definition keyword when undecorated) to the end of the body; the atomizer keeps decorators with their definition.</summary>
    public TextSpan DecoratedSpan { get; internal set; }

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.VisitEach(DecoratorList);
        walker.VisitEach(TypeParams);
        walker.Visit(Args);
        walker.VisitIfPresent(Returns);
        walker.VisitEach(Body);
    }
}
