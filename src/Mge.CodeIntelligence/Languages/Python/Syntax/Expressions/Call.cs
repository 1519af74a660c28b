namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A call. Positional (including <c>*args</c>) and keyword arguments may interleave in source; the walker visits them in source order. Mirrors CPython's <c>ast.Call</c>.
/// </summary>
public sealed class Call : Expr
{
    /// <summary>The called expression.</summary>
    public required Expr Func { get; init; }

    /// <summary>Positional arguments, <see cref="Starred"/> for <c>*args</c>.</summary>
    public required IReadOnlyList<Expr> Args { get; init; }

    /// <summary>Keyword arguments and <c>**kwargs</c>.</summary>
    public required IReadOnlyList<Keyword> Keywords { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitCall(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.Visit(Func);
        walker.VisitInSourceOrder(Args, Keywords);
    }
}
