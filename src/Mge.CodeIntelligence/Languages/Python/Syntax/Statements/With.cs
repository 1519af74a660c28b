namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A <c>with</c> statement. Mirrors CPython's <c>ast.With</c>.
/// </summary>
public sealed class With : WithStatement
{
    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitWith(this);
}
