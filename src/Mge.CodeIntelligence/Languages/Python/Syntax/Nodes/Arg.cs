namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// One parameter (CPython's <c>arg</c>; its <c>arg</c> field is <see cref="Name"/> here because a member cannot share its class's name). Mirrors CPython's <c>ast.arg</c>.
/// </summary>
public sealed class Arg : PyNode
{
    /// <summary>The parameter name.</summary>
    public required string Name { get; init; }

    /// <summary>The annotation, if any.</summary>
    public Expr? Annotation { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitArg(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.VisitIfPresent(Annotation);
    }
}
