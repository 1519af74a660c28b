using Mge.CodeIntelligence.Languages.Python.Syntax;

namespace Mge.CodeIntelligence.Languages.Python.Analysis;

/// <summary>How a name got bound; decides where and when the binding is visible.</summary>
public enum PythonBindingKind
{
    Assignment,
    Parameter,
    Import,
    /// <summary>A def or class statement.</summary>
    Definition,
    LoopTarget,
    WithTarget,
    /// <summary><c>except E as name</c>: the name is deleted when the handler ends.</summary>
    ExceptName,
    MatchCapture,
    /// <summary>An assignment expression (walrus).</summary>
    NamedExpression,
    /// <summary><c>del name</c>: makes the name local in a function but defines nothing.</summary>
    Deletion,
    TypeParameter,
    /// <summary><c>x: int</c> with no value: declares, binds nothing at run time.</summary>
    AnnotationOnly,
    /// <summary>An assignment inside a function to a name it declares <c>global</c>.</summary>
    GlobalAssignment,
    /// <summary>A name brought in by a star import whose module's names are known.</summary>
    StarImport,
}

/// <summary>
/// One binding of a name in a scope. <see cref="EffectiveOffset"/> is where the name starts to exist (the end
/// of an assignment statement, the end of a for-loop's iterable); <see cref="Region"/> limits where it exists
/// for except-handler names.
/// </summary>
public sealed record PythonBinding(string Name, PythonBindingKind Kind, TextSpan Span, int EffectiveOffset, TextSpan? Region = null)
{
    /// <summary>True when the binding gives the name a value (a deletion or bare annotation does not).</summary>
    public bool Defines => Kind is not (PythonBindingKind.Deletion or PythonBindingKind.AnnotationOnly);
}
