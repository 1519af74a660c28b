namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// An assignment <c>a = b = value</c> (one target per <c>=</c>). Mirrors CPython's <c>ast.Assign</c>.
/// </summary>
public sealed class Assign : Stmt
{
    /// <summary>The assignment targets, left to right.</summary>
    public required IReadOnlyList<Expr> Targets { get; init; }

    /// <summary>The assigned value.</summary>
    public required Expr Value { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitAssign(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.VisitEach(Targets);
        walker.Visit(Value);
    }
}
