namespace Mge.CodeIntelligence.Languages.Python.Analysis;

/// <summary>Where a name read was found.</summary>
public enum PythonNameResolutionKind
{
    /// <summary>Bound in the scope the read is in (function local, comprehension variable, parameter).</summary>
    Local,
    /// <summary>Bound in an enclosing function (a closure variable).</summary>
    Enclosing,
    /// <summary>Bound in a class body (read from that body or from an annotation scope of it).</summary>
    Class,
    /// <summary>A module-level (global) name.</summary>
    Module,
    Builtin,
    /// <summary>A name the interpreter provides implicitly (<c>__name__</c>, <c>__file__</c>, <c>__class__</c>).</summary>
    Implicit,
    /// <summary>Not bound anywhere it could be read from.</summary>
    Unresolved,
}

/// <summary>A name read and where it resolved; <see cref="Scope"/> is the binding scope when there is one.</summary>
public sealed record PythonResolvedName(PythonNameReference Reference, PythonNameResolutionKind Kind, PythonScope? Scope);
