using Mge.CodeIntelligence.Languages.Python.Syntax;

namespace Mge.CodeIntelligence.Languages.Python.Analysis;

/// <summary>
/// The scopes of one module with every name read resolved, pyflakes-style: function bodies see module names
/// bound anywhere (late binding), code that runs at import time (module and class bodies, comprehensions in
/// them) sees only names bound before it or in the same loop, class bodies are invisible from their methods,
/// except-handler names vanish after the handler. Shared by the undefined-name check and the atomizer.
/// </summary>
public sealed class PythonScopeModel
{
    /// <summary>Names every module has without binding them.</summary>
    private static readonly HashSet<string> ModuleImplicitNames = new(StringComparer.Ordinal)
    {
        "__name__", "__file__", "__doc__", "__builtins__", "__spec__", "__package__", "__loader__", "__cached__",
        "__annotations__", "__dict__",

        // Windows-only builtin exception alias that code may name under a platform check.
        "WindowsError",
    };

    private readonly List<PythonResolvedName> _resolved = [];

    private PythonScopeModel(PythonScope module, IReadOnlyList<PythonStarImport> starImports, bool futureAnnotations,
        bool isPackageInit, bool hasUnknownStarImport, bool hasDynamicGlobals)
    {
        HasDynamicGlobals = hasDynamicGlobals;
        Module = module;
        StarImports = starImports;
        FutureAnnotations = futureAnnotations;
        IsPackageInit = isPackageInit;
        HasUnknownStarImport = hasUnknownStarImport;
    }

    public PythonScope Module { get; }

    public IReadOnlyList<PythonStarImport> StarImports { get; }

    /// <summary>True with <c>from __future__ import annotations</c>: annotations were not analysed.</summary>
    public bool FutureAnnotations { get; }

    /// <summary>True for a package's __init__ (which also has <c>__path__</c>).</summary>
    public bool IsPackageInit { get; }

    /// <summary>True when a star import brought names nobody could list, so unresolved names may still exist.</summary>
    public bool HasUnknownStarImport { get; }

    /// <summary>True when the module writes its globals dynamically, so names may exist that no statement binds.</summary>
    public bool HasDynamicGlobals { get; }

    /// <summary>Every name read of the module with its resolution, in scope order then source order.</summary>
    public IReadOnlyList<PythonResolvedName> Names => _resolved;

    /// <summary>
    /// Builds the model. <paramref name="starImportNames"/> lists the names a star import brings (null when they
    /// cannot be known, for modules outside the project).
    /// </summary>
    public static PythonScopeModel Build(Module tree, bool isPackageInit = false,
        Func<PythonStarImport, IReadOnlyCollection<string>?>? starImportNames = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var builder = PythonScopeBuilder.Build(tree);
        var unknownStar = false;
        foreach (var star in builder.StarImports)
        {
            var names = starImportNames?.Invoke(star);
            if (names is null)
            {
                unknownStar = true;
                continue;
            }

            foreach (var name in names)
            {
                builder.Root.AddBinding(new PythonBinding(name, PythonBindingKind.StarImport, star.Span, star.Span.EndOffset));
            }
        }

        var model = new PythonScopeModel(builder.Root, builder.StarImports, builder.FutureAnnotations, isPackageInit, unknownStar,
            builder.HasDynamicGlobals);
        model.ResolveAll(cancellationToken);
        return model;
    }

    /// <summary>
    /// The names <c>from this_module import name</c> can take: module-level bindings that hold a value
    /// (including names assigned through <c>global</c> and known star imports).
    /// </summary>
    public IReadOnlySet<string> TopLevelNames =>
        Module.Bindings.Where(b => b.Value.Any(x => x.Defines)).Select(b => b.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The names <c>from this_module import *</c> brings: the literal <c>__all__</c> when the module spells one
    /// out, otherwise its public top-level names.
    /// </summary>
    public static IReadOnlyCollection<string> PublicNames(Module tree, PythonScopeModel model)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(model);
        foreach (var statement in tree.Body)
        {
            var (target, value) = statement switch
            {
                Assign { Targets: [Name t] } a => (t.Id, a.Value),
                AnnAssign { Target: Name t, Value: { } v } => (t.Id, v),
                _ => (null, null),
            };
            if (target == "__all__" && value is List or Syntax.Tuple)
            {
                var elements = value is List list ? list.Elts : ((Syntax.Tuple)value).Elts;
                if (elements.All(e => e is Constant { Value: string }))
                {
                    return elements.Select(e => (string)((Constant)e).Value!).ToList();
                }
            }
        }

        return model.TopLevelNames.Where(n => !n.StartsWith('_')).ToList();
    }

    /// <summary>True when the module defines a module-level <c>__getattr__</c>, so any name can be imported from it.</summary>
    public bool HasModuleGetattr => Module.BindingsOf("__getattr__").Any(b => b.Defines);

    /// <summary>Every scope of the module, parents before children.</summary>
    public IEnumerable<PythonScope> AllScopes()
    {
        var stack = new Stack<PythonScope>();
        stack.Push(Module);
        while (stack.Count > 0)
        {
            var scope = stack.Pop();
            yield return scope;
            for (var i = scope.Children.Count - 1; i >= 0; i--)
            {
                stack.Push(scope.Children[i]);
            }
        }
    }

    private void ResolveAll(CancellationToken cancellationToken)
    {
        foreach (var scope in AllScopes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var reference in scope.References)
            {
                _resolved.Add(Resolve(reference));
            }
        }

        _resolved.Sort((a, b) => a.Reference.Span.StartOffset.CompareTo(b.Reference.Span.StartOffset));
    }

    private PythonResolvedName Resolve(PythonNameReference reference)
    {
        var name = reference.Name;
        var scope = reference.Scope;
        if (scope.Kind != PythonScopeKind.Module && scope.GlobalDeclarations.Contains(name))
        {
            return ResolveGlobal(reference, ordered: false);
        }

        if (scope.NonlocalDeclarations.Contains(name))
        {
            for (var outer = scope.Parent; outer is not null && outer.Kind != PythonScopeKind.Module; outer = outer.Parent)
            {
                if (outer.HasFastLocals && HasLocal(outer, reference))
                {
                    return new PythonResolvedName(reference, PythonNameResolutionKind.Enclosing, outer);
                }
            }

            return new PythonResolvedName(reference, PythonNameResolutionKind.Unresolved, null);
        }

        switch (scope.Kind)
        {
            case PythonScopeKind.Module:
                return ResolveGlobal(reference, ordered: true);
            case PythonScopeKind.Class:
                if (HasOrdered(scope, reference))
                {
                    return new PythonResolvedName(reference, PythonNameResolutionKind.Class, scope);
                }

                if (name is "__module__" or "__qualname__")
                {
                    return new PythonResolvedName(reference, PythonNameResolutionKind.Implicit, scope);
                }

                break;
            default:
                if (HasLocal(scope, reference))
                {
                    return new PythonResolvedName(reference, PythonNameResolutionKind.Local, scope);
                }

                break;
        }

        var immediate = scope.RunsImmediately;
        var child = scope;
        for (var outer = scope.Parent; outer is not null; child = outer, outer = outer.Parent)
        {
            switch (outer.Kind)
            {
                case PythonScopeKind.Module:
                    return ResolveGlobal(reference, ordered: immediate);
                case PythonScopeKind.Class:
                    // Only annotation scopes (type parameters, type aliases) see the class body around them.
                    if (child.Kind is PythonScopeKind.TypeParameters or PythonScopeKind.TypeAlias && HasOrdered(outer, reference))
                    {
                        return new PythonResolvedName(reference, PythonNameResolutionKind.Class, outer);
                    }

                    break;
                default:
                    if (outer.GlobalDeclarations.Contains(name))
                    {
                        return ResolveGlobal(reference, ordered: false);
                    }

                    if (HasLocal(outer, reference))
                    {
                        return new PythonResolvedName(reference, PythonNameResolutionKind.Enclosing, outer);
                    }

                    break;
            }

            immediate &= outer.RunsImmediately;
        }

        return ResolveGlobal(reference, ordered: immediate);
    }

    private PythonResolvedName ResolveGlobal(PythonNameReference reference, bool ordered)
    {
        var name = reference.Name;
        if (ordered ? HasOrdered(Module, reference) : Module.BindingsOf(name).Any(b => Visible(b, reference)))
        {
            return new PythonResolvedName(reference, PythonNameResolutionKind.Module, Module);
        }

        if (PythonReferenceData.Builtins.Contains(name))
        {
            return new PythonResolvedName(reference, PythonNameResolutionKind.Builtin, null);
        }

        if (ModuleImplicitNames.Contains(name) || (IsPackageInit && name == "__path__") || (name == "__class__" && InsideMethod(reference.Scope)))
        {
            return new PythonResolvedName(reference, PythonNameResolutionKind.Implicit, null);
        }

        return new PythonResolvedName(reference, PythonNameResolutionKind.Unresolved, null);
    }

    private static bool InsideMethod(PythonScope scope)
    {
        for (var current = scope; current.Parent is { } parent; current = parent)
        {
            if (parent.Kind == PythonScopeKind.Class && current.Kind is PythonScopeKind.Function or PythonScopeKind.TypeParameters)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A function-like scope binds the name for the whole body, except-handler names only inside their handler.</summary>
    private static bool HasLocal(PythonScope scope, PythonNameReference reference) =>
        scope.BindingsOf(reference.Name).Any(b => b.Kind != PythonBindingKind.AnnotationOnly && Visible(b, reference));

    /// <summary>Import-time code sees a binding made before the read, or anywhere in the loop around the read.</summary>
    private static bool HasOrdered(PythonScope scope, PythonNameReference reference)
    {
        foreach (var binding in scope.BindingsOf(reference.Name))
        {
            if (!binding.Defines || !Visible(binding, reference))
            {
                continue;
            }

            if (binding.Kind == PythonBindingKind.GlobalAssignment
                || binding.EffectiveOffset <= reference.Span.StartOffset
                || (reference.Loop is { } loop && binding.Span.StartOffset >= loop.StartOffset && binding.Span.StartOffset < loop.EndOffset))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Visible(PythonBinding binding, PythonNameReference reference) =>
        binding.Region is not { } region
        || (reference.Span.StartOffset >= region.StartOffset && reference.Span.StartOffset < region.EndOffset);
}
