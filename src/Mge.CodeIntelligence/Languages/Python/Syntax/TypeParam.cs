namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>Base of PEP 695 type parameter nodes (CPython's <c>ast.type_param</c>).</summary>
public abstract class TypeParam : PyNode
{
}
