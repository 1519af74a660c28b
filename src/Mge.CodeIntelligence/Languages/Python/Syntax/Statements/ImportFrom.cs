namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A <c>from m import x</c> statement. Mirrors CPython's <c>ast.ImportFrom</c>.
/// </summary>
public sealed class ImportFrom : Stmt
{
    /// <summary>The module name without leading dots; null for <c>from . import x</c>.</summary>
    public string? Module { get; init; }

    /// <summary>The imported names (a single <c>*</c> alias for star imports).</summary>
    public required IReadOnlyList<Alias> Names { get; init; }

    /// <summary>The number of leading dots (0 for absolute imports).</summary>
    public int Level { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitImportFrom(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.VisitEach(Names);
    }
}
