namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// Gathers a node's direct children into a list instead of walking into them, so that code that must not
/// recurse (the parser's depth check) reads children from the same description the walker uses.
/// </summary>
internal sealed class ChildCollector(List<PyNode> into) : PythonSyntaxWalker
{
    /// <inheritdoc/>
    public override void Visit(PyNode node) => into.Add(node);
}
