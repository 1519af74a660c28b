namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A <c>try</c> statement with <c>except*</c> clauses. Mirrors CPython's <c>ast.TryStar</c>.
/// </summary>
public sealed class TryStar : TryStatement
{
    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitTryStar(this);
}
