namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A dict display. A null key marks a <c>**mapping</c> unpacking whose mapping is the value at the same index. Mirrors CPython's <c>ast.Dict</c>.
/// </summary>
public sealed class Dict : Expr
{
    /// <summary>The keys (null for <c>**</c> unpacking).</summary>
    public required IReadOnlyList<Expr?> Keys { get; init; }

    /// <summary>The values.</summary>
    public required IReadOnlyList<Expr> Values { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitDict(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        for (int i = 0; i < Values.Count; i++)
        {
            walker.VisitIfPresent(Keys[i]);
            walker.Visit(Values[i]);
        }
    }
}
