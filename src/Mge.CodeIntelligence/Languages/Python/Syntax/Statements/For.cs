namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A <c>for</c> loop. Mirrors CPython's <c>ast.For</c>.
/// </summary>
public sealed class For : ForStatement
{
    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitFor(this);
}
