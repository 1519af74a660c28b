namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>Base of PEP 695 type parameter nodes (CPython's <c>ast.type_param</c>).</summary>
public abstract class TypeParam : PyNode
{
    /// <summary>The parameter's name (every kind of type parameter has one, as in CPython).</summary>
    public required string Name { get; init; }
}
