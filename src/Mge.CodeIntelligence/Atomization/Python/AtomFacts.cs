using Mge.CodeIntelligence.Languages.Python.Analysis;
using Mge.CodeIntelligence.Languages.Python.Syntax;

namespace Mge.CodeIntelligence.Atomization.Python;

/// <summary>
/// The module's bindings, resolved name reads and imports sorted by offset, so the defines, uses and
/// imports of any range of the file can be read off quickly.
/// </summary>
internal sealed class AtomFacts
{
    private readonly List<ScopedBinding> _bindings = [];
    private readonly List<PythonResolvedName> _names;
    private readonly List<(int Offset, ImportReference Reference)> _imports = [];
    private readonly Dictionary<PythonScope, bool> _lazy = [];

    public AtomFacts(PythonScopeModel model, Module tree)
    {
        foreach (var scope in model.AllScopes().Where(s => s.Kind is PythonScopeKind.Module or PythonScopeKind.Class))
        {
            foreach (var binding in scope.Bindings.Values.SelectMany(b => b))
            {
                if (binding.Kind != PythonBindingKind.Deletion)
                {
                    var qualified = scope.QualifiedName.Length == 0 ? binding.Name : $"{scope.QualifiedName}.{binding.Name}";
                    _bindings.Add(new ScopedBinding(binding.Span.StartOffset, scope, binding, qualified));
                }
            }
        }

        _bindings.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        _names = model.Names
            .Where(n => n.Kind is PythonNameResolutionKind.Module or PythonNameResolutionKind.Class or PythonNameResolutionKind.Unresolved)
            .OrderBy(n => n.Reference.Span.StartOffset)
            .ToList();
        var collector = new ImportCollector(_imports);
        collector.VisitModule(tree);
        _imports.Sort((a, b) => a.Offset.CompareTo(b.Offset));
    }

    public IReadOnlyList<string> DefinesIn(int start, int end)
    {
        var defines = new List<string>();
        for (var i = LowerBound(_bindings, start, b => b.Offset); i < _bindings.Count && _bindings[i].Offset < end; i++)
        {
            if (!defines.Contains(_bindings[i].QualifiedName, StringComparer.Ordinal))
            {
                defines.Add(_bindings[i].QualifiedName);
            }
        }

        return defines;
    }

    public IReadOnlyList<string> UsesIn(int start, int end)
    {
        // Earliest point in this atom where each (scope, name) becomes bound.
        var boundHere = new Dictionary<(PythonScope, string), int>();
        for (var i = LowerBound(_bindings, start, b => b.Offset); i < _bindings.Count && _bindings[i].Offset < end; i++)
        {
            var b = _bindings[i];
            if (!b.Binding.Defines)
            {
                continue;
            }

            var key = (b.Scope, b.Binding.Name);
            boundHere[key] = boundHere.TryGetValue(key, out var existing) ? Math.Min(existing, b.Binding.EffectiveOffset) : b.Binding.EffectiveOffset;
        }

        var uses = new List<string>();
        for (var i = LowerBound(_names, start, n => n.Reference.Span.StartOffset); i < _names.Count && _names[i].Reference.Span.StartOffset < end; i++)
        {
            var resolved = _names[i];
            var reference = resolved.Reference;
            string used;
            if (resolved.Kind == PythonNameResolutionKind.Unresolved)
            {
                if (boundHere.Keys.Any(k => k.Item1.Kind == PythonScopeKind.Module && k.Item2 == reference.Name))
                {
                    continue;
                }

                used = reference.Name;
            }
            else
            {
                var scope = resolved.Scope!;
                if (boundHere.TryGetValue((scope, reference.Name), out var boundAt)
                    && (boundAt <= reference.Span.StartOffset || IsLazy(reference.Scope)))
                {
                    continue;
                }

                used = scope.QualifiedName.Length == 0 ? reference.Name : $"{scope.QualifiedName}.{reference.Name}";
            }

            if (!uses.Contains(used, StringComparer.Ordinal))
            {
                uses.Add(used);
            }
        }

        return uses;
    }

    public IReadOnlyList<ImportReference> ImportsIn(int start, int end)
    {
        var imports = new List<ImportReference>();
        for (var i = LowerBound(_imports, start, x => x.Offset); i < _imports.Count && _imports[i].Offset < end; i++)
        {
            imports.Add(_imports[i].Reference);
        }

        return imports;
    }

    /// <summary>True when code in the scope runs later than the statement holding it (inside a def, lambda or type alias).</summary>
    private bool IsLazy(PythonScope scope)
    {
        if (_lazy.TryGetValue(scope, out var lazy))
        {
            return lazy;
        }

        lazy = scope.Kind is PythonScopeKind.Function or PythonScopeKind.Lambda or PythonScopeKind.TypeAlias
            || (scope.Parent is { } parent && IsLazy(parent));
        _lazy[scope] = lazy;
        return lazy;
    }

    private static int LowerBound<T>(List<T> items, int offset, Func<T, int> key)
    {
        int low = 0, high = items.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (key(items[mid]) < offset)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private sealed record ScopedBinding(int Offset, PythonScope Scope, PythonBinding Binding, string QualifiedName);

    /// <summary>Every import statement of the file, nested ones included, as one reference per bound name.</summary>
    private sealed class ImportCollector(List<(int Offset, ImportReference Reference)> into) : PythonSyntaxWalker
    {
        public override void VisitImport(Import node)
        {
            foreach (var alias in node.Names)
            {
                into.Add((alias.Span.StartOffset, new ImportReference(alias.Name, null, alias.Asname ?? alias.Name.Split('.')[0])));
            }
        }

        public override void VisitImportFrom(ImportFrom node)
        {
            foreach (var alias in node.Names)
            {
                into.Add((alias.Span.StartOffset, new ImportReference(node.Module ?? string.Empty, alias.Name, alias.Asname ?? alias.Name, node.Level)));
            }
        }
    }
}
