namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A literal. <see cref="Value"/> is a string, a byte array (bytes), a long or <see cref="System.Numerics.BigInteger"/>, a double, a <see cref="System.Numerics.Complex"/>, a bool, null (None) or <see cref="PyEllipsis.Instance"/>. Mirrors CPython's <c>ast.Constant</c>.
/// </summary>
public sealed class Constant : Expr
{
    /// <summary>The value.</summary>
    public object? Value { get; init; }

    /// <summary>"u" for strings written with a u prefix, else null.</summary>
    public string? Kind { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitConstant(this);

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
    }
}
