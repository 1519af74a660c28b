using System.Numerics;
using Mge.CodeIntelligence.Languages.Python.Parsing;
using Py = Mge.CodeIntelligence.Languages.Python.Syntax;

namespace Mge.CodeIntelligence.Tests.Languages.Python.Parsing;

/// <summary>Hand-checked trees, including Python 3.12 syntax the local CPython 3.11 oracle cannot judge.</summary>
public sealed class PythonParserTreeTests
{
    private static Py.Module ParseOk(string source)
    {
        var result = PythonParser.Parse(source);
        Assert.True(result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics));
        Assert.NotNull(result.Tree);
        return result.Tree!;
    }

    private static T Single<T>(string source)
        where T : Py.Stmt
    {
        var module = ParseOk(source);
        return Assert.IsType<T>(Assert.Single(module.Body));
    }

    [Fact]
    public void DecoratedFunctionSpanStartsAtDefAndDecoratedSpanAtDecorator()
    {
        var def = Single<Py.FunctionDef>("@app.get('/x')\n@cache\ndef handler(a: int, /, b=1, *args, c, d=2, **kw) -> str:\n    return 'x'\n");
        Assert.Equal("handler", def.Name);
        Assert.Equal(3, def.Span.StartLine);
        Assert.Equal(0, def.Span.StartColumn);
        Assert.Equal(1, def.DecoratedSpan.StartLine);
        Assert.Equal(0, def.DecoratedSpan.StartOffset);
        Assert.Equal(4, def.Span.EndLine);
        Assert.Equal(2, def.DecoratorList.Count);
        Assert.Equal("a", Assert.Single(def.Args.Posonlyargs).Name);
        Assert.Equal("b", Assert.Single(def.Args.Args).Name);
        Assert.Single(def.Args.Defaults);
        Assert.Equal("args", def.Args.Vararg!.Name);
        Assert.Equal(["c", "d"], def.Args.Kwonlyargs.Select(a => a.Name));
        Assert.Null(def.Args.KwDefaults[0]);
        Assert.NotNull(def.Args.KwDefaults[1]);
        Assert.Equal("kw", def.Args.Kwarg!.Name);
        Assert.IsType<Py.Name>(def.Returns);
    }

    [Fact]
    public void TypeParamsAndTypeAliasFollowPep695()
    {
        var module = ParseOk("type Pair[T] = tuple[T, T]\ndef first[T: (int, str), *Ts, **P](x: T) -> T: ...\nclass Box[T](Base, metaclass=M): pass\n");
        var alias = Assert.IsType<Py.TypeAlias>(module.Body[0]);
        Assert.Equal("Pair", Assert.IsType<Py.Name>(alias.Name).Id);
        Assert.Equal(Py.ExprContext.Store, ((Py.Name)alias.Name).Ctx);
        Assert.IsType<Py.TypeVar>(Assert.Single(alias.TypeParams));
        var def = Assert.IsType<Py.FunctionDef>(module.Body[1]);
        Assert.Collection(def.TypeParams,
            p => Assert.IsType<Py.Tuple>(Assert.IsType<Py.TypeVar>(p).Bound),
            p => Assert.Equal("Ts", Assert.IsType<Py.TypeVarTuple>(p).Name),
            p => Assert.Equal("P", Assert.IsType<Py.ParamSpec>(p).Name));
        var cls = Assert.IsType<Py.ClassDef>(module.Body[2]);
        Assert.Single(cls.TypeParams);
        Assert.Single(cls.Bases);
        Assert.Equal("metaclass", Assert.Single(cls.Keywords).Arg);
    }

    [Fact]
    public void TypeRemainsAnOrdinaryName()
    {
        var module = ParseOk("type = 1\ntype(x)\nmatch = re.match(p, s)\ncase = 2\n_ = 3\n");
        Assert.Equal(5, module.Body.Count);
    }

    [Fact]
    public void FStringsFollowPep701()
    {
        var stmt = Single<Py.ExprStmt>("f\"{x[\"a\"]!r:>{width}} and {f'{y=}'} {{literal}} {z = }\"\n");
        var joined = Assert.IsType<Py.JoinedStr>(stmt.Value);
        var first = Assert.IsType<Py.FormattedValue>(joined.Values[0]);
        Assert.Equal('r', first.Conversion);
        Assert.IsType<Py.Subscript>(first.Value);
        var spec = Assert.IsType<Py.JoinedStr>(first.FormatSpec);
        Assert.Equal(">", Assert.IsType<Py.Constant>(spec.Values[0]).Value);
        Assert.IsType<Py.FormattedValue>(spec.Values[1]);
        Assert.Equal(" and ", Assert.IsType<Py.Constant>(joined.Values[1]).Value);
        var nested = Assert.IsType<Py.JoinedStr>(Assert.IsType<Py.FormattedValue>(joined.Values[2]).Value);
        Assert.Equal("y=", Assert.IsType<Py.Constant>(nested.Values[0]).Value);
        Assert.Equal('r', Assert.IsType<Py.FormattedValue>(nested.Values[1]).Conversion);
        Assert.Equal(" {literal} z = ", Assert.IsType<Py.Constant>(joined.Values[3]).Value);
        Assert.Equal('r', Assert.IsType<Py.FormattedValue>(joined.Values[4]).Conversion);
    }

    [Fact]
    public void TripleQuotedAndRawFStringsAndConcatenation()
    {
        var stmt = Single<Py.ExprStmt>("x = (rf'\\d{n}' 'tail' F\"\"\"multi\n{a\n + b}\"\"\")\n".Replace("x = ", string.Empty, StringComparison.Ordinal));
        var joined = Assert.IsType<Py.JoinedStr>(stmt.Value);
        Assert.Equal("\\d", Assert.IsType<Py.Constant>(joined.Values[0]).Value);
        Assert.Equal("tailmulti\n", Assert.IsType<Py.Constant>(joined.Values[2]).Value);
        Assert.IsType<Py.BinOp>(Assert.IsType<Py.FormattedValue>(joined.Values[3]).Value);
    }

    [Fact]
    public void ExceptStarMakesTryStar()
    {
        var tryStar = Single<Py.TryStar>("try:\n    pass\nexcept* ValueError as e:\n    pass\nexcept* (TypeError, KeyError):\n    pass\n");
        Assert.Equal(2, tryStar.Handlers.Count);
        Assert.Equal("e", tryStar.Handlers[0].Name);
        var mixed = PythonParser.Parse("try:\n    pass\nexcept* A:\n    pass\nexcept B:\n    pass\n");
        Assert.Contains("cannot have both 'except' and 'except*'", mixed.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MatchStatementWithAllPatternKinds()
    {
        var match = Single<Py.Match>("""
            match command.split():
                case [action]:
                    pass
                case ["go", direction] | ["move", direction]:
                    pass
                case [first, *rest] if first:
                    pass
                case {"x": 0, **others}:
                    pass
                case Point(x=0, y=yy) as p:
                    pass
                case Color.RED | -1 | 1 + 2j | "s" | None | True:
                    pass
                case (a, b, *_):
                    pass
                case _:
                    pass

            """);
        Assert.Equal(8, match.Cases.Count);
        Assert.IsType<Py.MatchSequence>(match.Cases[0].Pattern);
        Assert.IsType<Py.MatchOr>(match.Cases[1].Pattern);
        Assert.NotNull(match.Cases[2].Guard);
        Assert.IsType<Py.MatchStar>(((Py.MatchSequence)match.Cases[2].Pattern).Patterns[1]);
        var mapping = Assert.IsType<Py.MatchMapping>(match.Cases[3].Pattern);
        Assert.Equal("others", mapping.Rest);
        var asPattern = Assert.IsType<Py.MatchAs>(match.Cases[4].Pattern);
        var cls = Assert.IsType<Py.MatchClass>(asPattern.Pattern);
        Assert.Equal(["x", "y"], cls.KwdAttrs);
        var or = Assert.IsType<Py.MatchOr>(match.Cases[5].Pattern);
        Assert.IsType<Py.MatchValue>(or.Patterns[0]);
        Assert.IsType<Py.MatchSingleton>(or.Patterns[4]);
        var wildcard = Assert.IsType<Py.MatchAs>(match.Cases[7].Pattern);
        Assert.Null(wildcard.Name);
        Assert.Null(wildcard.Pattern);
    }

    [Fact]
    public void AssignmentTargetsGetStoreContextAndBadTargetsAreRejected()
    {
        var assign = Single<Py.Assign>("a, (b, *c), d.e, f[0] = g = value\n");
        Assert.Equal(2, assign.Targets.Count);
        var tuple = Assert.IsType<Py.Tuple>(assign.Targets[0]);
        Assert.Equal(Py.ExprContext.Store, tuple.Ctx);
        Assert.All(tuple.Elts, e => Assert.NotEqual(Py.ExprContext.Load, e switch
        {
            Py.Name n => n.Ctx,
            Py.Tuple t => t.Ctx,
            Py.Attribute a => a.Ctx,
            Py.Subscript s => s.Ctx,
            _ => Py.ExprContext.Load,
        }));

        Assert.Equal("cannot assign to function call here. Maybe you meant '==' instead of '='?", PythonParser.Parse("f() = 1\n").Diagnostics[0].Message);
        Assert.Equal("cannot assign to literal here. Maybe you meant '==' instead of '='?", PythonParser.Parse("1 = x\n").Diagnostics[0].Message);
        Assert.Equal("cannot delete function call", PythonParser.Parse("del f()\n").Diagnostics[0].Message);
        Assert.Equal("'tuple' is an illegal expression for augmented assignment", PythonParser.Parse("a, b += 1\n").Diagnostics[0].Message);
        Assert.Equal("cannot assign to function call", PythonParser.Parse("for f() in x: pass\n").Diagnostics[0].Message);
    }

    [Fact]
    public void ExpressionsHaveCPythonShapes()
    {
        var module = ParseOk("""
            x = a if b else c
            y = not a and b or c
            z = 1 < a <= 2 is not None
            w = -x ** 2
            v = [i for i in range(3) if i async for j in k] if 0 else {k: v for k, v in d.items()}
            u = lambda a, *, b=1: (yield)
            t = f(*args, key=1, **kw)
            s = a[1:2, ::3, ...]
            r = (n := 10)
            q = 0x_ff + 0o17 + 0b1 + 1_000 + 1.5e3 + 2j + 123456789012345678901234567890
            p = {**a, 'b': 1}
            o = b'\x00\xff' + br'\d'
            """.Replace("u = lambda a, *, b=1: (yield)", "u = lambda a, *, b=1: a", StringComparison.Ordinal));
        Assert.IsType<Py.IfExp>(((Py.Assign)module.Body[0]).Value);
        var boolOp = Assert.IsType<Py.BoolOp>(((Py.Assign)module.Body[1]).Value);
        Assert.Equal(Py.BoolOperator.Or, boolOp.Op);
        var compare = Assert.IsType<Py.Compare>(((Py.Assign)module.Body[2]).Value);
        Assert.Equal([Py.CompareOperator.Lt, Py.CompareOperator.LtE, Py.CompareOperator.IsNot], compare.Ops);
        var neg = Assert.IsType<Py.UnaryOp>(((Py.Assign)module.Body[3]).Value);
        Assert.IsType<Py.BinOp>(neg.Operand);
        var call = Assert.IsType<Py.Call>(((Py.Assign)module.Body[6]).Value);
        Assert.IsType<Py.Starred>(Assert.Single(call.Args));
        Assert.Equal(2, call.Keywords.Count);
        var subscript = Assert.IsType<Py.Subscript>(((Py.Assign)module.Body[7]).Value);
        Assert.Equal(3, Assert.IsType<Py.Tuple>(subscript.Slice).Elts.Count);
        Assert.IsType<Py.NamedExpr>(((Py.Assign)module.Body[8]).Value);
        var numbers = new List<object?>();
        var sum = ((Py.Assign)module.Body[9]).Value;
        while (sum is Py.BinOp bin)
        {
            numbers.Insert(0, ((Py.Constant)bin.Right).Value);
            sum = bin.Left;
        }

        numbers.Insert(0, ((Py.Constant)sum).Value);
        Assert.Equal(new object?[] { 255L, 15L, 1L, 1000L, 1500.0, new Complex(0, 2), BigInteger.Parse("123456789012345678901234567890", System.Globalization.CultureInfo.InvariantCulture) }, numbers);
        var dict = Assert.IsType<Py.Dict>(((Py.Assign)module.Body[10]).Value);
        Assert.Null(dict.Keys[0]);
        var bytes = Assert.IsType<Py.BinOp>(((Py.Assign)module.Body[11]).Value);
        Assert.Equal(new byte[] { 0, 255 }, Assert.IsType<byte[]>(((Py.Constant)bytes.Left).Value));
    }

    [Fact]
    public void AsyncConstructsAndParenthesizedContextManagers()
    {
        var module = ParseOk("""
            async def main():
                async with (open(a) as f, open(b) as g):
                    async for x in f:
                        await g.write(x)
                with (a, b):
                    pass
                return [y async for y in agen()]
            """);
        var def = Assert.IsType<Py.AsyncFunctionDef>(Assert.Single(module.Body));
        var with = Assert.IsType<Py.AsyncWith>(def.Body[0]);
        Assert.Equal(2, with.Items.Count);
        Assert.IsType<Py.AsyncFor>(Assert.Single(with.Body));
        // As in CPython 3.9+, "with (a, b):" is two context managers, not one tuple.
        var plainWith = Assert.IsType<Py.With>(def.Body[1]);
        Assert.Equal(2, plainWith.Items.Count);
    }

    [Fact]
    public void WalkerVisitsChildrenInSourceOrder()
    {
        var module = ParseOk("@d\ndef f(a, b=1, *, c=2):\n    g(x, *y, k=1, **z)\n    return {1: 2, **w}\n");
        var names = new List<string>();
        new NameCollector(names).Visit(module);
        Assert.Equal(["d", "g", "x", "y", "z", "w"], names);
        var def = (Py.FunctionDef)module.Body[0];
        var children = def.Args.GetChildren();
        Assert.Equal(children.OrderBy(c => c.Span.StartOffset).ToList(), children);
    }

    [Fact]
    public void GlobalNonlocalImportsAndControlFlow()
    {
        var module = ParseOk("""
            import os.path as p, sys
            from ..pkg import (a as b, c,)
            from . import *
            def f():
                global g
                x = 1
                def h():
                    nonlocal x
                    x += 1
                while True:
                    try:
                        break
                    except (A, B) as e:
                        raise X from e
                    else:
                        continue
                    finally:
                        pass
                else:
                    pass
                for i in range(3): del i
                assert x, "msg"
            """);
        var from = Assert.IsType<Py.ImportFrom>(module.Body[1]);
        Assert.Equal(2, from.Level);
        Assert.Equal("pkg", from.Module);
        Assert.Equal("b", from.Names[0].Asname);
        var star = Assert.IsType<Py.ImportFrom>(module.Body[2]);
        Assert.Null(star.Module);
        Assert.Equal("*", Assert.Single(star.Names).Name);
    }

    [Fact]
    public void PlacementErrorsMatchCPythonCompile()
    {
        Assert.Equal("'return' outside function", PythonParser.Parse("return 1\n").Diagnostics[0].Message);
        Assert.Equal("'break' outside loop", PythonParser.Parse("break\n").Diagnostics[0].Message);
        Assert.Equal("'yield' outside function", PythonParser.Parse("class C:\n    yield 1\n").Diagnostics[0].Message);
        Assert.Equal("'await' outside async function", PythonParser.Parse("def f():\n    await x\n").Diagnostics[0].Message);
        Assert.Empty(PythonParser.Parse("def f():\n    return (await x for x in y)\n").Diagnostics);
        Assert.Empty(PythonParser.Parse("'''doc'''\nfrom __future__ import annotations\nimport os\n").Diagnostics);
        Assert.Equal("from __future__ imports must occur at the beginning of the file", PythonParser.Parse("import os\nfrom __future__ import annotations\n").Diagnostics[0].Message);
        Assert.Equal("future feature nope is not defined", PythonParser.Parse("from __future__ import nope\n").Diagnostics[0].Message);
    }

    private sealed class NameCollector(List<string> names) : Py.PythonSyntaxWalker
    {
        public override void VisitName(Py.Name node)
        {
            names.Add(node.Id);
            base.VisitName(node);
        }
    }
}
