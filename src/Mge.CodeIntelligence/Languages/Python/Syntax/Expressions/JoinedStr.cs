namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// An f-string (adjacent literals concatenated), made of <see cref="Constant"/> and <see cref="FormattedValue"/> parts. Mirrors CPython's <c>ast.JoinedStr</c>.
/// </summary>
public sealed class JoinedStr : Expr
{
    /// <summary>The parts.</summary>
    public required IReadOnlyList<Expr> Values { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitJoinedStr(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        walker.VisitEach(Values);
    }
}
