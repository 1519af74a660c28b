namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A whole source file. Mirrors CPython's <c>ast.Module</c>.
/// </summary>
public sealed class Module : PyNode
{
    /// <summary>The statements of the block.</summary>
    public required IReadOnlyList<Stmt> Body { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitModule(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.VisitEach(Body);
    }
}
