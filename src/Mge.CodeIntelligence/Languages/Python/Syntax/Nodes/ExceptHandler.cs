namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// One <c>except</c> (or <c>except*</c>) clause. Mirrors CPython's <c>ast.ExceptHandler</c>.
/// </summary>
public sealed class ExceptHandler : PyNode
{
    /// <summary>The exception type expression, if any.</summary>
    public Expr? Type { get; init; }

    /// <summary>The <c>as</c> name, if any.</summary>
    public string? Name { get; init; }

    /// <summary>The statements of the block.</summary>
    public required IReadOnlyList<Stmt> Body { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitExceptHandler(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.VisitIfPresent(Type);
        walker.VisitEach(Body);
    }
}
