using Mge.CodeIntelligence.Atomization;
using Mge.CodeIntelligence.Atomization.JavaScript;
using Mge.CodeIntelligence.Graph;
using Mge.CodeIntelligence.Languages;

namespace Mge.CodeIntelligence.Tests.Atomization.JavaScript;

public sealed class JavaScriptAtomizerTests
{
    private static readonly JavaScriptAtomizer Atomizer = new();

    internal static IReadOnlyList<Atom> AtomsOf(string path, string text)
    {
        var result = Atomizer.Atomize(new SourceFile(path, text));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        AssertLossless(text, result.Atoms);
        return result.Atoms;
    }

    internal static void AssertLossless(string text, IReadOnlyList<Atom> atoms)
    {
        Assert.Equal(text, string.Concat(atoms.Select(a => a.Code)));
        var offset = 0;
        for (var i = 0; i < atoms.Count; i++)
        {
            var atom = atoms[i];
            Assert.Equal(i, atom.Index);
            Assert.Equal(offset, atom.StartOffset);
            Assert.True(atom.EndOffset > atom.StartOffset, $"atom {i} is empty");
            Assert.Equal(text[atom.StartOffset..atom.EndOffset], atom.Code);
            Assert.True(atom.StartLine <= atom.EndLine);
            offset = atom.EndOffset;
        }

        Assert.Equal(text.Length, offset);
    }

    private const string Router = """
        // Routes for users.
        const express = require('express');
        const store = require('../store');
        const { validateUser, normalize: norm } = require('../models/user');

        const router = express.Router();

        /** Lists users. */
        router.get('/', (req, res) => {
          res.json([...store.users.values()]);
        });

        module.exports = router;
        """;

    [Fact]
    public void Requires_are_grouped_with_import_references()
    {
        var atoms = AtomsOf("src/routes/users.js", Router);
        var imports = atoms[0];
        Assert.Equal(AtomKind.Import, imports.Kind);
        Assert.StartsWith("// Routes for users.", imports.Code);
        Assert.Equal(
            [new ImportReference("express", "default", "express"), new ImportReference("../store", "default", "store"), new ImportReference("../models/user", "validateUser", "validateUser"), new ImportReference("../models/user", "normalize", "norm")],
            imports.Imports);
        Assert.Equal(["express", "store", "validateUser", "norm"], imports.Defines);
    }

    [Fact]
    public void Statements_are_grouped_with_defines_uses_and_exports()
    {
        var atoms = AtomsOf("src/routes/users.js", Router);
        var statements = Assert.Single(atoms, a => a.Kind == AtomKind.Statement);
        Assert.Contains("/** Lists users. */", statements.Code);
        Assert.Equal(["router", "default"], statements.Defines);
        Assert.Equal(["express", "store"], statements.Uses);
    }

    [Fact]
    public void Functions_and_class_methods_get_their_own_atoms()
    {
        const string code = """
            import { db } from './db.mjs';

            // Creates a user.
            export function createUser(name) {
              return db.insert({ name });
            }

            export default class UserService {
              static table = 'users';

              constructor(repo) {
                this.repo = repo;
              }

              // Finds one.
              find(id) { return this.repo.get(id) ?? createUser(id); }
            }

            export const VERSION = 1;
            """;
        var atoms = AtomsOf("src/users.mjs", code);
        Assert.Equal([AtomKind.Import, AtomKind.Function, AtomKind.ClassHeader, AtomKind.Method, AtomKind.Method, AtomKind.Statement], atoms.Select(a => a.Kind));
        Assert.Equal([new ImportReference("./db.mjs", "db", "db")], atoms[0].Imports);
        Assert.StartsWith("\n// Creates a user.\nexport function", atoms[1].Code);
        Assert.Equal(["createUser"], atoms[1].Defines);
        Assert.Equal(["db"], atoms[1].Uses);
        Assert.Equal(["UserService", "default"], atoms[2].Defines);
        Assert.Contains("static table", atoms[2].Code);
        Assert.Equal(("UserService", "UserService.constructor"), (atoms[3].Scope, atoms[3].Defines.Single()));
        Assert.Equal(["UserService.find"], atoms[4].Defines);
        Assert.Equal(["createUser"], atoms[4].Uses);
        Assert.StartsWith("\n  // Finds one.", atoms[4].Code);
        Assert.EndsWith("}\n", atoms[4].Code);
        Assert.Equal(["VERSION"], atoms[5].Defines);
    }

    [Fact]
    public void Long_functions_are_split_into_fragments_at_statement_boundaries()
    {
        var body = string.Join("\n", Enumerable.Range(0, 30).Select(i => $"  const v{i} = helper({i});"));
        var code = $"function helper(x) {{ return x; }}\nfunction big() {{\n{body}\n  return v29;\n}}\nmodule.exports = big;\n";
        var atoms = AtomsOf("src/big.js", code);
        var bigFirst = Assert.Single(atoms, a => a.Defines.Contains("big"));
        Assert.Equal(AtomKind.Function, bigFirst.Kind);
        var fragments = atoms.Where(a => a.Kind == AtomKind.Fragment).ToList();
        Assert.True(fragments.Count >= 2, $"{fragments.Count} fragments");
        Assert.All(fragments, f => Assert.Equal("big", f.Scope));
        Assert.All(fragments, f => Assert.Contains("helper", f.Uses));
        Assert.All(atoms, a => Assert.InRange(a.LineCount, 1, JavaScriptAtomizer.TargetLines + 2));
        Assert.EndsWith("  return v29;\n}\n", fragments[^1].Code);
    }

    [Fact]
    public void Long_route_callbacks_are_split_with_a_synthetic_scope()
    {
        var body = string.Join("\n", Enumerable.Range(0, 24).Select(i => $"  res.locals.v{i} = {i};"));
        var code = $"const router = require('express').Router();\nrouter.get('/', (req, res) => {{\n{body}\n  res.json(res.locals);\n}});\nmodule.exports = router;\n";
        var atoms = AtomsOf("src/r.js", code);
        var first = Assert.Single(atoms, a => a.Code.Contains("router.get"));
        Assert.Contains("<anonymous@2>", first.Defines);
        Assert.All(atoms.Where(a => a.Kind == AtomKind.Fragment), f => Assert.Equal("<anonymous@2>", f.Scope));
        var graph = AtomGraphBuilder.Build(atoms);
        Assert.All(atoms.Where(a => a.Kind == AtomKind.Fragment), f => Assert.Contains(graph.Edges, e => e.From == f.Id && e.To == first.Id));
    }

    [Fact]
    public void Arrow_function_constants_name_their_fragments()
    {
        var body = string.Join("\n", Enumerable.Range(0, 24).Select(i => $"  await step({i});"));
        var code = $"const step = async (n) => n;\nconst run = async () => {{\n{body}\n}};\nmodule.exports = {{ run }};\n";
        var atoms = AtomsOf("src/run.js", code);
        Assert.All(atoms.Where(a => a.Kind == AtomKind.Fragment), f => Assert.Equal("run", f.Scope));
        Assert.Contains(atoms, a => a.Defines.Contains("run") && a.Kind == AtomKind.Statement);
    }

    [Fact]
    public void Commonjs_exports_are_noted()
    {
        var atoms = AtomsOf("src/x.js", "function a() {}\nexports.a = a;\nmodule.exports.b = 2;\n");
        Assert.Contains("a", atoms[^1].Defines);
        Assert.Contains("b", atoms[^1].Defines);
    }

    [Theory]
    [InlineData("")]
    [InlineData("// only a comment\n")]
    [InlineData("\n\n")]
    [InlineData("#!/usr/bin/env node\n'use strict';\r\nconsole.log(1) /* trailing */ ; // end\r\n\r\n")]
    [InlineData("a();b();c()\nd()")]
    [InlineData("/* leading\n block */ function f() {}\n/* dangling */")]
    [InlineData("x = 1;\u2028y = 2;")]
    public void Edge_cases_stay_lossless(string code)
    {
        var path = "src/edge.js";
        var result = Atomizer.Atomize(new SourceFile(path, code.Replace("x = 1", "var x; x = 1").Replace("y = 2", "var y = 2")));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        AssertLossless(code.Replace("x = 1", "var x; x = 1").Replace("y = 2", "var y = 2"), result.Atoms);
    }

    [Fact]
    public void Unparseable_files_yield_diagnostics_and_no_atoms()
    {
        var result = Atomizer.Atomize(new SourceFile("src/bad.js", "function (\n"));
        Assert.Empty(result.Atoms);
        Assert.False(result.Succeeded);
        Assert.Equal("syntax", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void A_small_express_project_plans_into_ordered_waves()
    {
        var files = new Dictionary<string, string>
        {
            ["src/store.js"] = "const users = new Map();\nmodule.exports = { users };\n",
            ["src/models/user.js"] = "function validateUser(body) {\n  return body && body.name ? null : 'name required';\n}\nmodule.exports = { validateUser };\n",
            ["src/routes/users.js"] = Router.Replace("normalize: norm", "validateUser: v2"),
            ["src/app.js"] = "const express = require('express');\nconst users = require('./routes/users');\nconst app = express();\napp.use('/users', users);\nmodule.exports = app;\n",
        };
        var atoms = files.SelectMany(f => AtomsOf(f.Key, f.Value)).ToList();
        var plan = WavePlanner.Plan(atoms, maxWaveSize: 50);
        var waveOf = plan.Waves.SelectMany((w, i) => w.Select(id => (id, i))).ToDictionary(x => x.id, x => x.i);
        Assert.Equal(atoms.Count, waveOf.Count);
        Assert.Empty(plan.Cycles);
        Assert.All(plan.Edges, e => Assert.True(waveOf[e.To] < waveOf[e.From], $"{e.From} -> {e.To}"));
        Assert.Contains(plan.Edges, e => e.From == "src/routes/users.js#0" && e.To.StartsWith("src/models/user.js#", StringComparison.Ordinal) && e.Symbol == "validateUser");
        Assert.Contains(plan.Edges, e => e.From == "src/app.js#0" && e.To.StartsWith("src/routes/users.js#", StringComparison.Ordinal));
    }
}
