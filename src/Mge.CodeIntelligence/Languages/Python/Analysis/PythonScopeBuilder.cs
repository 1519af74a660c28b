using Mge.CodeIntelligence.Languages.Python.Syntax;

namespace Mge.CodeIntelligence.Languages.Python.Analysis;

/// <summary>
/// Walks a module once and records its scopes, bindings and name reads, putting each expression in the scope
/// CPython evaluates it in: decorators, defaults and (unless <c>from __future__ import annotations</c>) annotations
/// in the enclosing scope, a comprehension's first iterable outside it, walrus targets in the nearest
/// non-comprehension scope, PEP 695 type parameters in their own annotation scope.
/// </summary>
internal sealed class PythonScopeBuilder : ExceptionGuardWalker
{
    private readonly bool _futureAnnotations;
    private readonly List<PythonStarImport> _starImports = [];
    private PythonScope _scope;
    private TextSpan? _loop;
    private bool _inAnnotation;
    private int? _effectiveOffset;
    private PythonBindingKind _storeKind = PythonBindingKind.Assignment;

    private PythonScopeBuilder(Module module, bool futureAnnotations)
        : base("NameError", "UnboundLocalError")
    {
        _futureAnnotations = futureAnnotations;
        _scope = new PythonScope(PythonScopeKind.Module, string.Empty, null, module.Span);
        Root = _scope;
    }

    public PythonScope Root { get; }

    public IReadOnlyList<PythonStarImport> StarImports => _starImports;

    public static PythonScopeBuilder Build(Module module)
    {
        var builder = new PythonScopeBuilder(module, HasFutureAnnotations(module));
        builder.VisitModule(module);
        return builder;
    }

    /// <summary>True when the module starts with <c>from __future__ import annotations</c> (annotations are then never evaluated).</summary>
    public static bool HasFutureAnnotations(Module module) =>
        module.Body.OfType<ImportFrom>().Any(i => i.Level == 0 && i.Module == "__future__" && i.Names.Any(n => n.Name == "annotations"));

    public bool FutureAnnotations => _futureAnnotations;

    /// <summary>True when the module writes its own globals dynamically (<c>globals().update(...)</c>, <c>globals()[k] = v</c>).</summary>
    public bool HasDynamicGlobals { get; private set; }

    public override void VisitCall(Call node)
    {
        if (node.Func is Syntax.Attribute { Attr: "update" or "setdefault", Value: { } receiver } && IsGlobalsCall(receiver))
        {
            HasDynamicGlobals = true;
        }

        base.VisitCall(node);
    }

    public override void VisitSubscript(Subscript node)
    {
        if (node.Ctx == ExprContext.Store && IsGlobalsCall(node.Value))
        {
            HasDynamicGlobals = true;
        }

        base.VisitSubscript(node);
    }

    public override void VisitName(Name node)
    {
        switch (node.Ctx)
        {
            case ExprContext.Load:
                AddReference(node.Id, node.Span);
                break;
            case ExprContext.Store:
                Bind(_scope, node.Id, _storeKind, node.Span, _effectiveOffset ?? node.Span.EndOffset);
                break;
            case ExprContext.Del:
                AddReference(node.Id, node.Span);
                Bind(_scope, node.Id, PythonBindingKind.Deletion, node.Span, node.Span.EndOffset);
                break;
        }
    }

    public override void VisitAssign(Assign node)
    {
        Visit(node.Value);
        WithStore(PythonBindingKind.Assignment, node.Span.EndOffset, () =>
        {
            foreach (var target in node.Targets)
            {
                Visit(target);
            }
        });
    }

    public override void VisitAugAssign(AugAssign node)
    {
        Visit(node.Value);
        if (node.Target is Name name)
        {
            AddReference(name.Id, name.Span);
            Bind(_scope, name.Id, PythonBindingKind.Assignment, name.Span, node.Span.EndOffset);
        }
        else
        {
            Visit(node.Target);
        }
    }

    public override void VisitAnnAssign(AnnAssign node)
    {
        VisitIfPresent(node.Value);
        VisitAnnotation(node.Annotation);
        if (node.Target is Name name)
        {
            var kind = node.Value is null ? PythonBindingKind.AnnotationOnly : PythonBindingKind.Assignment;
            Bind(_scope, name.Id, kind, name.Span, node.Span.EndOffset);
        }
        else
        {
            Visit(node.Target);
        }
    }

    public override void VisitTypeAlias(TypeAlias node)
    {
        WithStore(PythonBindingKind.Assignment, node.Span.EndOffset, () => Visit(node.Name));
        InNewScope(PythonScopeKind.TypeAlias, _scope.QualifiedName, node.Span, () =>
        {
            DeclareTypeParameters(node.TypeParams);
            Visit(node.Value);
        });
    }

    public override void VisitFor(For node) => VisitForStatement(node);

    public override void VisitAsyncFor(AsyncFor node) => VisitForStatement(node);

    public override void VisitWhile(While node)
    {
        var saved = _loop;
        _loop ??= node.Span;
        DefaultVisit(node);
        _loop = saved;
    }

    public override void VisitWithItem(WithItem node)
    {
        Visit(node.ContextExpr);
        if (node.OptionalVars is { } target)
        {
            WithStore(PythonBindingKind.WithTarget, null, () => Visit(target));
        }
    }

    public override void VisitExceptHandler(ExceptHandler node)
    {
        VisitIfPresent(node.Type);
        if (node.Name is { } name)
        {
            Bind(_scope, name, PythonBindingKind.ExceptName, node.Span, node.Span.StartOffset, node.Span);
        }

        VisitEach(node.Body);
    }

    public override void VisitImport(Import node)
    {
        foreach (var alias in node.Names)
        {
            var local = alias.Asname ?? alias.Name.Split('.')[0];
            Bind(_scope, local, PythonBindingKind.Import, alias.Span, node.Span.EndOffset);
        }
    }

    public override void VisitImportFrom(ImportFrom node)
    {
        foreach (var alias in node.Names)
        {
            if (alias.Name == "*")
            {
                _starImports.Add(new PythonStarImport(node.Module, node.Level, node.Span));
                continue;
            }

            Bind(_scope, alias.Asname ?? alias.Name, PythonBindingKind.Import, alias.Span, node.Span.EndOffset);
        }
    }

    public override void VisitGlobal(Global node)
    {
        foreach (var name in node.Names)
        {
            _scope.DeclareGlobal(name);
        }
    }

    public override void VisitNonlocal(Nonlocal node)
    {
        foreach (var name in node.Names)
        {
            _scope.DeclareNonlocal(name);
        }
    }

    public override void VisitFunctionDef(FunctionDef node) => DefineFunction(node);

    public override void VisitAsyncFunctionDef(AsyncFunctionDef node) => DefineFunction(node);

    public override void VisitClassDef(ClassDef node)
    {
        VisitEach(node.DecoratorList);
        var outer = _scope;
        if (node.TypeParams.Count > 0)
        {
            _scope = new PythonScope(PythonScopeKind.TypeParameters, outer.QualifiedName, outer, node.Span);
            DeclareTypeParameters(node.TypeParams);
        }

        VisitInSourceOrder(node.Bases, node.Keywords);
        _scope = new PythonScope(PythonScopeKind.Class, Qualify(outer, node.Name), _scope, node.Span);
        VisitEach(node.Body);
        _scope = outer;
        Bind(_scope, node.Name, PythonBindingKind.Definition, node.Span, node.Span.EndOffset);
    }

    public override void VisitLambda(Lambda node)
    {
        VisitDefaults(node.Args);
        InNewScope(PythonScopeKind.Lambda, _scope.QualifiedName, node.Span, () =>
        {
            BindParameters(node.Args);
            Visit(node.Body);
        });
    }

    public override void VisitListComp(ListComp node) => VisitComprehension(node, node.Generators, () => Visit(node.Elt));

    public override void VisitSetComp(SetComp node) => VisitComprehension(node, node.Generators, () => Visit(node.Elt));

    public override void VisitGeneratorExp(GeneratorExp node) => VisitComprehension(node, node.Generators, () => Visit(node.Elt));

    public override void VisitDictComp(DictComp node) => VisitComprehension(node, node.Generators, () =>
    {
        Visit(node.Key);
        Visit(node.Value);
    });

    public override void VisitNamedExpr(NamedExpr node)
    {
        Visit(node.Value);
        var target = _scope;
        while (target.Kind == PythonScopeKind.Comprehension && target.Parent is { } parent)
        {
            target = parent;
        }

        if (node.Target is Name name)
        {
            Bind(target, name.Id, PythonBindingKind.NamedExpression, name.Span, node.Span.EndOffset);
        }
        else
        {
            Visit(node.Target);
        }
    }

    public override void VisitMatchAs(MatchAs node)
    {
        VisitIfPresent(node.Pattern);
        if (node.Name is { } name)
        {
            Bind(_scope, name, PythonBindingKind.MatchCapture, node.Span, node.Span.EndOffset);
        }
    }

    public override void VisitMatchStar(MatchStar node)
    {
        if (node.Name is { } name)
        {
            Bind(_scope, name, PythonBindingKind.MatchCapture, node.Span, node.Span.EndOffset);
        }
    }

    public override void VisitMatchMapping(MatchMapping node)
    {
        base.VisitMatchMapping(node);
        if (node.Rest is { } rest)
        {
            Bind(_scope, rest, PythonBindingKind.MatchCapture, node.Span, node.Span.EndOffset);
        }
    }

    private static bool IsGlobalsCall(Expr expression) =>
        expression is Call { Func: Name { Id: "globals" or "vars" }, Args.Count: 0 };

    private void DefineFunction(FunctionDefinition node)
    {
        VisitEach(node.DecoratorList);
        VisitDefaults(node.Args);
        var outer = _scope;
        if (node.TypeParams.Count > 0)
        {
            _scope = new PythonScope(PythonScopeKind.TypeParameters, outer.QualifiedName, outer, node.Span);
            DeclareTypeParameters(node.TypeParams);
        }

        foreach (var parameter in node.Args.Parameters)
        {
            if (parameter.Annotation is { } annotation)
            {
                VisitAnnotation(annotation);
            }
        }

        if (node.Returns is { } returns)
        {
            VisitAnnotation(returns);
        }

        InNewScope(PythonScopeKind.Function, Qualify(outer, node.Name), node.Span, () =>
        {
            BindParameters(node.Args);
            VisitEach(node.Body);
        });
        _scope = outer;
        Bind(_scope, node.Name, PythonBindingKind.Definition, node.Span, node.Span.EndOffset);
    }

    private void VisitComprehension(Expr node, IReadOnlyList<Comprehension> generators, Action visitElements)
    {
        Visit(generators[0].Iter);
        var outer = _scope;
        _scope = new PythonScope(PythonScopeKind.Comprehension, outer.QualifiedName, outer, node.Span);
        for (var i = 0; i < generators.Count; i++)
        {
            var generator = generators[i];
            if (i > 0)
            {
                Visit(generator.Iter);
            }

            WithStore(PythonBindingKind.LoopTarget, null, () => Visit(generator.Target));
            VisitEach(generator.Ifs);
        }

        visitElements();
        _scope = outer;
    }

    private void VisitForStatement(ForStatement node)
    {
        var saved = _loop;
        _loop ??= node.Span;
        Visit(node.Iter);
        WithStore(PythonBindingKind.LoopTarget, node.Iter.Span.EndOffset, () => Visit(node.Target));
        VisitEach(node.Body);
        VisitEach(node.Orelse);
        _loop = saved;
    }

    private void VisitAnnotation(Expr annotation)
    {
        if (_futureAnnotations)
        {
            return;
        }

        var saved = _inAnnotation;
        _inAnnotation = true;
        Visit(annotation);
        _inAnnotation = saved;
    }

    private void VisitDefaults(Arguments args)
    {
        VisitEach(args.Defaults);
        foreach (var value in args.KwDefaults)
        {
            VisitIfPresent(value);
        }
    }

    private void BindParameters(Arguments args)
    {
        foreach (var parameter in args.Parameters)
        {
            Bind(_scope, parameter.Name, PythonBindingKind.Parameter, parameter.Span, _scope.Span.StartOffset);
        }
    }

    private void DeclareTypeParameters(IReadOnlyList<TypeParam> typeParams)
    {
        foreach (var typeParam in typeParams)
        {
            Bind(_scope, typeParam.Name, PythonBindingKind.TypeParameter, typeParam.Span, _scope.Span.StartOffset);
        }

        VisitEach(typeParams);
    }

    // A function-like scope: no loop outside it encloses the code inside it.
    private void InNewScope(PythonScopeKind kind, string qualifiedName, TextSpan span, Action walk)
    {
        var parent = _scope;
        var savedLoop = _loop;
        _scope = new PythonScope(kind, qualifiedName, parent, span);
        _loop = null;
        walk();
        _loop = savedLoop;
        _scope = parent;
    }

    private void WithStore(PythonBindingKind kind, int? effectiveOffset, Action visit)
    {
        var savedKind = _storeKind;
        var savedOffset = _effectiveOffset;
        _storeKind = kind;
        _effectiveOffset = effectiveOffset;
        visit();
        _storeKind = savedKind;
        _effectiveOffset = savedOffset;
    }

    private void AddReference(string name, TextSpan span) =>
        _scope.AddReference(new PythonNameReference(name, span, _scope, _loop, _inAnnotation, Guarded));

    private void Bind(PythonScope scope, string name, PythonBindingKind kind, TextSpan span, int effectiveOffset, TextSpan? region = null)
    {
        if (scope.Kind != PythonScopeKind.Module && scope.GlobalDeclarations.Contains(name))
        {
            if (kind != PythonBindingKind.Deletion)
            {
                Root.AddBinding(new PythonBinding(name, PythonBindingKind.GlobalAssignment, span, effectiveOffset));
            }

            return;
        }

        if (scope.NonlocalDeclarations.Contains(name))
        {
            // The name belongs to an enclosing function, which already binds it.
            return;
        }

        scope.AddBinding(new PythonBinding(name, kind, span, effectiveOffset, region));
    }

    private static string Qualify(PythonScope outer, string name) =>
        outer.QualifiedName.Length == 0 ? name : $"{outer.QualifiedName}.{name}";
}
