namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>The binary and augmented-assignment operators (CPython's <c>operator</c>).</summary>
public enum BinaryOperator
{
    /// <summary><c>+</c></summary>
    Add,

    /// <summary><c>-</c></summary>
    Sub,

    /// <summary><c>*</c></summary>
    Mult,

    /// <summary><c>@</c></summary>
    MatMult,

    /// <summary><c>/</c></summary>
    Div,

    /// <summary><c>%</c></summary>
    Mod,

    /// <summary><c>**</c></summary>
    Pow,

    /// <summary><c>&lt;&lt;</c></summary>
    LShift,

    /// <summary><c>&gt;&gt;</c></summary>
    RShift,

    /// <summary><c>|</c></summary>
    BitOr,

    /// <summary><c>^</c></summary>
    BitXor,

    /// <summary><c>&amp;</c></summary>
    BitAnd,

    /// <summary><c>//</c></summary>
    FloorDiv,
}
