using Mge.CodeIntelligence.Languages.Python.Syntax;

namespace Mge.CodeIntelligence.Languages.Python.Analysis;

/// <summary>
/// One name scope of a module: its bindings, its <c>global</c>/<c>nonlocal</c> declarations, the name reads
/// made directly in it and its child scopes. <see cref="QualifiedName"/> is "" for the module, "User" for a
/// class, "User.save" for a method; comprehension, lambda and annotation scopes take their owner's name.
/// </summary>
public sealed class PythonScope
{
    private readonly Dictionary<string, List<PythonBinding>> _bindings = new(StringComparer.Ordinal);
    private readonly List<PythonScope> _children = [];
    private readonly List<PythonNameReference> _references = [];
    private readonly HashSet<string> _globals = new(StringComparer.Ordinal);
    private readonly HashSet<string> _nonlocals = new(StringComparer.Ordinal);

    internal PythonScope(PythonScopeKind kind, string qualifiedName, PythonScope? parent, TextSpan span)
    {
        Kind = kind;
        QualifiedName = qualifiedName;
        Parent = parent;
        Span = span;
        parent?._children.Add(this);
    }

    public PythonScopeKind Kind { get; }

    public string QualifiedName { get; }

    public PythonScope? Parent { get; }

    /// <summary>The source the scope covers (the whole def, class, lambda or comprehension).</summary>
    public TextSpan Span { get; }

    public IReadOnlyList<PythonScope> Children => _children;

    public IReadOnlyList<PythonNameReference> References => _references;

    public IReadOnlyCollection<string> GlobalDeclarations => _globals;

    public IReadOnlyCollection<string> NonlocalDeclarations => _nonlocals;

    /// <summary>Every binding, grouped by name, in source order.</summary>
    public IReadOnlyDictionary<string, List<PythonBinding>> Bindings => _bindings;

    /// <summary>True when the scope's code runs as soon as the enclosing code reaches it (class bodies, comprehensions, def-time annotation scopes).</summary>
    public bool RunsImmediately => Kind is PythonScopeKind.Class or PythonScopeKind.Comprehension or PythonScopeKind.TypeParameters;

    /// <summary>True for the function-like scopes whose locals are decided for the whole body at compile time.</summary>
    public bool HasFastLocals => Kind is PythonScopeKind.Function or PythonScopeKind.Lambda or PythonScopeKind.Comprehension
        or PythonScopeKind.TypeParameters or PythonScopeKind.TypeAlias;

    public IReadOnlyList<PythonBinding> BindingsOf(string name) =>
        _bindings.TryGetValue(name, out var list) ? list : [];

    internal void AddBinding(PythonBinding binding)
    {
        if (!_bindings.TryGetValue(binding.Name, out var list))
        {
            list = [];
            _bindings[binding.Name] = list;
        }

        list.Add(binding);
    }

    internal void AddReference(PythonNameReference reference) => _references.Add(reference);

    internal void DeclareGlobal(string name) => _globals.Add(name);

    internal void DeclareNonlocal(string name) => _nonlocals.Add(name);

    /// <inheritdoc/>
    public override string ToString() => $"{Kind} '{QualifiedName}'";
}
