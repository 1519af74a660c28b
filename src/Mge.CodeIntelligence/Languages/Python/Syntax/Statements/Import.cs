namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// An <c>import a.b as c</c> statement. Mirrors CPython's <c>ast.Import</c>.
/// </summary>
public sealed class Import : Stmt
{
    /// <summary>The imported modules.</summary>
    public required IReadOnlyList<Alias> Names { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitImport(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.VisitEach(Names);
    }
}
