namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// Base of every Python syntax tree node. The node classes mirror CPython's <c>ast</c> module (same class
/// names in PascalCase, same fields), so knowledge of <c>ast</c> carries over directly.
/// </summary>
public abstract class PyNode
{
    /// <summary>
    /// Where the node is in the source. Matches CPython's <c>lineno</c>/<c>col_offset</c>/<c>end_lineno</c>/
    /// <c>end_col_offset</c> except that columns count UTF-16 code units rather than UTF-8 bytes.
    /// </summary>
    public TextSpan Span { get; internal set; }

    /// <summary>Calls the walker's <c>VisitX</c> method for this node's kind.</summary>
    public abstract void Accept(PythonSyntaxWalker walker);

    /// <summary>The direct child nodes in source order (a new list on each call).</summary>
    public IReadOnlyList<PyNode> GetChildren()
    {
        var children = new List<PyNode>();
        AppendChildren(children);
        return children;
    }

    /// <summary>Adds the direct child nodes to <paramref name="into"/> in source order.</summary>
    protected internal abstract void AppendChildren(List<PyNode> into);

    private protected static void Add<T>(List<PyNode> into, IReadOnlyList<T?> nodes)
        where T : PyNode
    {
        foreach (var node in nodes)
        {
            if (node is not null)
            {
                into.Add(node);
            }
        }
    }

    private protected static void AddOptional(List<PyNode> into, PyNode? node)
    {
        if (node is not null)
        {
            into.Add(node);
        }
    }

    // Children kept in separate lists by the ast shape (bases/keywords, args/keywords, parameters/defaults)
    // interleave in source; a stable sort by start offset restores source order.
    private protected static void SortBySource(List<PyNode> into, int start)
    {
        for (int i = start + 1; i < into.Count; i++)
        {
            var item = into[i];
            int j = i - 1;
            while (j >= start && into[j].Span.StartOffset > item.Span.StartOffset)
            {
                into[j + 1] = into[j];
                j--;
            }

            into[j + 1] = item;
        }
    }
}
