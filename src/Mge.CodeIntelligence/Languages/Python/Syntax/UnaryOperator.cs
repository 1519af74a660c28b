namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>The unary operators (CPython's <c>unaryop</c>).</summary>
public enum UnaryOperator
{
    /// <summary><c>~</c></summary>
    Invert,

    /// <summary><c>not</c></summary>
    Not,

    /// <summary>Unary <c>+</c></summary>
    UAdd,

    /// <summary>Unary <c>-</c></summary>
    USub,
}
