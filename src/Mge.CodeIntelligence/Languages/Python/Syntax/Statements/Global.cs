namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A <c>global</c> statement. Mirrors CPython's <c>ast.Global</c>.
/// </summary>
public sealed class Global : Stmt
{
    /// <summary>The declared names.</summary>
    public required IReadOnlyList<string> Names { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitGlobal(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
    }
}
