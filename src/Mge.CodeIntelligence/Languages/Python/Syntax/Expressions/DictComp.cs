namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A dict comprehension. Mirrors CPython's <c>ast.DictComp</c>.
/// </summary>
public sealed class DictComp : Expr
{
    /// <summary>The key expression.</summary>
    public required Expr Key { get; init; }

    /// <summary>The value expression.</summary>
    public required Expr Value { get; init; }

    /// <summary>The <c>for</c> clauses.</summary>
    public required IReadOnlyList<Comprehension> Generators { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitDictComp(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.Visit(Key);
        walker.Visit(Value);
        walker.VisitEach(Generators);
    }
}
