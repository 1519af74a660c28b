namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A keyword argument <c>name=value</c>, or <c>**value</c> when <see cref="Arg"/> is null. Mirrors CPython's <c>ast.keyword</c>.
/// </summary>
public sealed class Keyword : PyNode
{
    /// <summary>The keyword, null for <c>**</c> unpacking.</summary>
    public string? Arg { get; init; }

    /// <summary>The value.</summary>
    public required Expr Value { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitKeyword(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.Visit(Value);
    }
}
