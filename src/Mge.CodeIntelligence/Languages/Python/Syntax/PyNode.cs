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
        VisitChildren(new ChildCollector(children));
        return children;
    }

    /// <summary>
    /// Passes each direct child to <see cref="PythonSyntaxWalker.Visit"/>, in source order. This is the one
    /// description of a node kind's children: the walker's default traversal and <see cref="GetChildren"/> both
    /// come from it.
    /// </summary>
    internal abstract void VisitChildren(PythonSyntaxWalker walker);
}
