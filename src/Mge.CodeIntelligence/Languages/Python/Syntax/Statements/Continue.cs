namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A <c>continue</c> statement. Mirrors CPython's <c>ast.Continue</c>.
/// </summary>
public sealed class Continue : Stmt
{
    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitContinue(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
    }
}
