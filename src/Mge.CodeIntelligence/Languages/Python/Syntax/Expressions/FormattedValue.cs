namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// One replacement field of an f-string. Mirrors CPython's <c>ast.FormattedValue</c>.
/// </summary>
public sealed class FormattedValue : Expr
{
    /// <summary>The formatted expression.</summary>
    public required Expr Value { get; init; }

    /// <summary>-1 for none, else the character code of <c>s</c>, <c>r</c> or <c>a</c>.</summary>
    public int Conversion { get; init; }

    /// <summary>The format spec as a <see cref="JoinedStr"/>, if any.</summary>
    public Expr? FormatSpec { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitFormattedValue(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.Visit(Value);
        walker.VisitIfPresent(FormatSpec);
    }
}
