namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A <c>try</c> statement. Mirrors CPython's <c>ast.Try</c>.
/// </summary>
public sealed class Try : TryStatement
{
    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitTry(this);
}
