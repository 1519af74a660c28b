namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>Base of <c>match</c> statement pattern nodes (CPython's <c>ast.pattern</c>).</summary>
public abstract class Pattern : PyNode
{
}
