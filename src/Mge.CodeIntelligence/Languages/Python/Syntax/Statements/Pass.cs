namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A <c>pass</c> statement. Mirrors CPython's <c>ast.Pass</c>.
/// </summary>
public sealed class Pass : Stmt
{
    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitPass(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
    }
}
