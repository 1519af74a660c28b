namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>Base of statement nodes (CPython's <c>ast.stmt</c>).</summary>
public abstract class Stmt : PyNode
{
}
