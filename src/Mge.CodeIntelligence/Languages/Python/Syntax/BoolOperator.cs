namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>The boolean operators (CPython's <c>boolop</c>).</summary>
public enum BoolOperator
{
    /// <summary><c>and</c></summary>
    And,

    /// <summary><c>or</c></summary>
    Or,
}
