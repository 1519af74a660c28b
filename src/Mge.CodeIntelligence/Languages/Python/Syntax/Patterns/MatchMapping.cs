namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A mapping pattern <c>{"k": p, **rest}</c>. Mirrors CPython's <c>ast.MatchMapping</c>.
/// </summary>
public sealed class MatchMapping : Pattern
{
    /// <summary>The keys.</summary>
    public required IReadOnlyList<Expr> Keys { get; init; }

    /// <summary>The value patterns.</summary>
    public required IReadOnlyList<Pattern> Patterns { get; init; }

    /// <summary>The <c>**rest</c> name, if any.</summary>
    public string? Rest { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitMatchMapping(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        for (int i = 0; i < Keys.Count; i++)
        {
            walker.Visit(Keys[i]);
            walker.Visit(Patterns[i]);
        }
    }
}
