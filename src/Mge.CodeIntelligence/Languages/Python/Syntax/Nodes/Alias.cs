namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// One imported name <c>name as asname</c>. Mirrors CPython's <c>ast.alias</c>.
/// </summary>
public sealed class Alias : PyNode
{
    /// <summary>The dotted module or imported name (<c>*</c> for star imports).</summary>
    public required string Name { get; init; }

    /// <summary>The <c>as</c> name, if any.</summary>
    public string? Asname { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitAlias(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
    }
}
