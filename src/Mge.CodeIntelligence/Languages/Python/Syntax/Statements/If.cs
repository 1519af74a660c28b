namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// An <c>if</c> statement; <c>elif</c> is a nested <see cref="If"/> in <see cref="Orelse"/>. Mirrors CPython's <c>ast.If</c>.
/// </summary>
public sealed class If : Stmt
{
    /// <summary>The condition.</summary>
    public required Expr Test { get; init; }

    /// <summary>The statements of the block.</summary>
    public required IReadOnlyList<Stmt> Body { get; init; }

    /// <summary>The <c>else</c> block; empty when absent.</summary>
    public required IReadOnlyList<Stmt> Orelse { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitIf(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.Visit(Test);
        walker.VisitEach(Body);
        walker.VisitEach(Orelse);
    }
}
