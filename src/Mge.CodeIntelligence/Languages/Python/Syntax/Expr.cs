namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// Base of expression nodes (CPython's <c>ast.expr</c>). The expression statement, CPython's <c>ast.Expr</c>,
/// is <see cref="ExprStmt"/> here.
/// </summary>
public abstract class Expr : PyNode
{
}
