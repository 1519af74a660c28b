namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>How an expression is used (CPython's <c>expr_context</c>).</summary>
public enum ExprContext
{
    /// <summary>The value is read.</summary>
    Load,

    /// <summary>The expression is an assignment target.</summary>
    Store,

    /// <summary>The expression is a <c>del</c> target.</summary>
    Del,
}
