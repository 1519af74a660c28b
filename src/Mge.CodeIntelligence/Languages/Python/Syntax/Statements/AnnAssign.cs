namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// An annotated assignment <c>x: int = 1</c>. Mirrors CPython's <c>ast.AnnAssign</c>.
/// </summary>
public sealed class AnnAssign : Stmt
{
    /// <summary>The target.</summary>
    public required Expr Target { get; init; }

    /// <summary>The annotation.</summary>
    public required Expr Annotation { get; init; }

    /// <summary>The value, if any.</summary>
    public Expr? Value { get; init; }

    /// <summary>True when the target is a plain name not in parentheses.</summary>
    public bool Simple { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitAnnAssign(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.Visit(Target);
        walker.Visit(Annotation);
        walker.VisitIfPresent(Value);
    }
}
