namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A <c>break</c> statement. Mirrors CPython's <c>ast.Break</c>.
/// </summary>
public sealed class Break : Stmt
{
    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitBreak(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
    }
}
