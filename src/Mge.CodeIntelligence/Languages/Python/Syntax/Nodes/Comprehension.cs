namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// One <c>for ... in ... if ...</c> clause of a comprehension (CPython's <c>comprehension</c>). Mirrors CPython's <c>ast.comprehension</c>.
/// </summary>
public sealed class Comprehension : PyNode
{
    /// <summary>The loop target.</summary>
    public required Expr Target { get; init; }

    /// <summary>The iterated expression.</summary>
    public required Expr Iter { get; init; }

    /// <summary>The filter conditions.</summary>
    public required IReadOnlyList<Expr> Ifs { get; init; }

    /// <summary>True for <c>async for</c>.</summary>
    public bool IsAsync { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitComprehension(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.Visit(Target);
        walker.Visit(Iter);
        walker.VisitEach(Ifs);
    }
}
