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
    protected internal override void AppendChildren(List<PyNode> into)
    {
        for (int i = 0; i < Values.Count; i++)
        {
            if (Keys[i] is { } key)
            {
                into.Add(key);
            }

            into.Add(Values[i]);
        }
    }
}
