namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A class pattern <c>Point(x, y=0)</c>. Mirrors CPython's <c>ast.MatchClass</c>.
/// </summary>
public sealed class MatchClass : Pattern
{
    /// <summary>The class expression.</summary>
    public required Expr Cls { get; init; }

    /// <summary>Positional patterns.</summary>
    public required IReadOnlyList<Pattern> Patterns { get; init; }

    /// <summary>Keyword attribute names.</summary>
    public required IReadOnlyList<string> KwdAttrs { get; init; }

    /// <summary>Keyword patterns.</summary>
    public required IReadOnlyList<Pattern> KwdPatterns { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitMatchClass(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.Visit(Cls);
        walker.VisitEach(Patterns);
        walker.VisitEach(KwdPatterns);
    }
}
