namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A <c>del</c> statement. Mirrors CPython's <c>ast.Delete</c>.
/// </summary>
public sealed class Delete : Stmt
{
    /// <summary>The deleted targets.</summary>
    public required IReadOnlyList<Expr> Targets { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitDelete(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.VisitEach(Targets);
    }
}
