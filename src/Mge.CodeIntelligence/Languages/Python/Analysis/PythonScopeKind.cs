namespace Mge.CodeIntelligence.Languages.Python.Analysis;

/// <summary>The kinds of Python name scopes, as CPython's symbol table has them.</summary>
public enum PythonScopeKind
{
    Module,
    /// <summary>A class body: its names are not visible from the methods defined in it.</summary>
    Class,
    Function,
    Lambda,
    /// <summary>A list/set/dict comprehension or generator expression (its first iterable is evaluated outside).</summary>
    Comprehension,
    /// <summary>The PEP 695 annotation scope holding a def's or class's type parameters; evaluated at definition time.</summary>
    TypeParameters,
    /// <summary>The lazily evaluated value of a PEP 695 <c>type X[T] = ...</c> alias, with its type parameters.</summary>
    TypeAlias,
}
