using System.Collections;
using System.Reflection;
using Mge.CodeIntelligence.Languages.Python.Parsing;
using Py = Mge.CodeIntelligence.Languages.Python.Syntax;

namespace Mge.CodeIntelligence.Tests.Languages.Python.Syntax;

/// <summary>
/// Each node kind declares its children once (<c>VisitChildren</c>); these tests hold that declaration to the
/// node's fields and to the source, and the walker's default traversal to the declaration.
/// </summary>
public sealed class PythonSyntaxChildrenTests
{
    // Every node kind at least once, with interleavings that stress the order (keywords among positional
    // arguments, defaults after annotations, keyword-only defaults, dict unpacking, class keywords).
    private const string EveryKind = """
        from __future__ import annotations
        import os.path as p, sys
        from . import *
        type Alias[T: int, *Ts, **P] = dict[T, list[P]]

        @decorator(arg, key=1)
        class C[T](Base, *more, metaclass=Meta, **extra):
            x: int = 1
            y: str

            async def method[U](self, a: int, b: str = "s", /, c=2, *args: int, d, e: float = 3.0, **kw) -> None:
                global g
                async with ctx() as (first, second), other:
                    async for i in aiter():
                        await i
                [y async for y in agen() if y]
                return

        def gen(n, /):
            total = 0
            def inner():
                nonlocal total
                total += 1
            yield n
            yield from range(n)
            del total
            return lambda q, r=1, *s, t=2, **u: q

        for k, v in {1: 2, **mapping, 3: 4}.items():
            if k and not v or k < v <= 9 is not None:
                continue
            elif (w := k + -v):
                break
            else:
                pass
        else:
            pass

        while True:
            try:
                raise ValueError("x") from None
            except (TypeError, KeyError) as error:
                assert error, f"{error!r:>{width}} and {v}"
            else:
                pass
            finally:
                pass

        try:
            pass
        except* OSError:
            pass

        with open(name) as handle:
            data = handle[1:2:3], handle[::], {*items}, {a for a in items}, {a: b for a, b in pairs}, (g for g in items)
            call(first, *rest, key=value, *more, **kwargs)
            value = yes if cond else no
            obj.attr, [lst], *star = 1, 2, 3
            ...

        match command:
            case [1, *rest]:
                pass
            case {"key": value, **others}:
                pass
            case Point(x, y=0) | None:
                pass
            case str() as text if text:
                pass
            case _:
                pass
        """;

    private static Py.Module Parse(string source)
    {
        var result = PythonParser.Parse(source);
        Assert.True(result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics));
        return result.Tree!;
    }

    private static List<Py.PyNode> PreOrder(Py.PyNode root)
    {
        var order = new List<Py.PyNode>();
        void Walk(Py.PyNode node)
        {
            order.Add(node);
            foreach (var child in node.GetChildren())
            {
                Walk(child);
            }
        }

        Walk(root);
        return order;
    }

    [Fact]
    public void The_sample_has_every_node_kind()
    {
        var kinds = typeof(Py.PyNode).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Py.PyNode)) && !t.IsAbstract)
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal)
            .ToList();

        var seen = PreOrder(Parse(EveryKind)).Select(n => n.GetType().Name).Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.Equal(75, kinds.Count);
        Assert.Equal(kinds, seen);
    }

    [Fact]
    public void Children_are_exactly_the_nodes_the_fields_hold()
    {
        foreach (var node in PreOrder(Parse(EveryKind)))
        {
            var declared = node.GetChildren();
            var held = NodesInFields(node);

            Assert.True(held.Count == declared.Count && held.All(h => declared.Contains(h, ReferenceEqualityComparer.Instance)),
                $"{node.GetType().Name} at {node.Span}: fields hold {held.Count} nodes, children declare {declared.Count}");
        }
    }

    [Fact]
    public void Children_are_in_source_order()
    {
        foreach (var node in PreOrder(Parse(EveryKind)))
        {
            var starts = node.GetChildren().Select(c => c.Span.StartOffset).ToList();

            Assert.True(starts.SequenceEqual(starts.Order()), $"{node.GetType().Name} at {node.Span}: children start at {string.Join(", ", starts)}");
        }
    }

    [Fact]
    public void The_default_walk_visits_every_node_once_in_the_declared_order()
    {
        var module = Parse(EveryKind);
        var walker = new VisitRecorder();

        walker.Visit(module);

        Assert.Equal(PreOrder(module), walker.Visited);
    }

    [Fact]
    public void Parameters_and_their_defaults_interleave_as_written()
    {
        var def = Assert.IsType<Py.FunctionDef>(Assert.Single(Parse("def f(a, b=1, /, c=2, *d, e, f=3, **g): pass\n").Body));

        var written = def.Args.GetChildren().Select(c => c is Py.Arg arg ? arg.Name : ((Py.Constant)c).Value!.ToString()).ToList();

        Assert.Equal(["a", "b", "1", "c", "2", "d", "e", "f", "3", "g"], written);
        Assert.Equal(["a", "b", "c", "d", "e", "f", "g"], def.Args.Parameters.Select(p => p.Name));
    }

    [Fact]
    public void An_override_replaces_the_walk_below_its_kind_only()
    {
        var module = Parse("def f(x=outer):\n    inner\nprint(after)\n");
        var walker = new NamesOutsideFunctions();

        walker.Visit(module);

        Assert.Equal(["print", "after"], walker.Names);
    }

    // Every PyNode a node holds in its public fields: single nodes and lists of nodes (null entries skipped).
    private static List<Py.PyNode> NodesInFields(Py.PyNode node)
    {
        var nodes = new List<Py.PyNode>();
        foreach (var property in node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            switch (property.GetValue(node))
            {
                case Py.PyNode child:
                    nodes.Add(child);
                    break;
                case IEnumerable items and not string when property.PropertyType.IsGenericType
                    && typeof(Py.PyNode).IsAssignableFrom(property.PropertyType.GetGenericArguments()[0])
                    && property.Name != nameof(Py.Arguments.Parameters):
                    nodes.AddRange(items.OfType<Py.PyNode>());
                    break;
            }
        }

        return nodes;
    }

    private sealed class VisitRecorder : Py.PythonSyntaxWalker
    {
        public List<Py.PyNode> Visited { get; } = [];

        public override void Visit(Py.PyNode node)
        {
            Visited.Add(node);
            base.Visit(node);
        }
    }

    private sealed class NamesOutsideFunctions : Py.PythonSyntaxWalker
    {
        public List<string> Names { get; } = [];

        public override void VisitFunctionDef(Py.FunctionDef node)
        {
        }

        public override void VisitName(Py.Name node) => Names.Add(node.Id);
    }
}
