namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A <c>nonlocal</c> statement. Mirrors CPython's <c>ast.Nonlocal</c>.
/// </summary>
public sealed class Nonlocal : Stmt
{
    /// <summary>The declared names.</summary>
    public required IReadOnlyList<string> Names { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitNonlocal(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
    }
}
