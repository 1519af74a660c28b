namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>The comparison operators (CPython's <c>cmpop</c>).</summary>
public enum CompareOperator
{
    /// <summary><c>==</c></summary>
    Eq,

    /// <summary><c>!=</c></summary>
    NotEq,

    /// <summary><c>&lt;</c></summary>
    Lt,

    /// <summary><c>&lt;=</c></summary>
    LtE,

    /// <summary><c>&gt;</c></summary>
    Gt,

    /// <summary><c>&gt;=</c></summary>
    GtE,

    /// <summary><c>is</c></summary>
    Is,

    /// <summary><c>is not</c></summary>
    IsNot,

    /// <summary><c>in</c></summary>
    In,

    /// <summary><c>not in</c></summary>
    NotIn,
}
