using Mge.CodeIntelligence.Languages;
using Mge.CodeIntelligence.Languages.JavaScript;

namespace Mge.CodeIntelligence.Tests.Languages.JavaScript;

public sealed class JavaScriptLanguageServiceTests
{
    private static readonly JavaScriptLanguageService Service = new();

    private static ProjectContext Project(string[] files, params string[] dependencies) =>
        new(new HashSet<string>(files, StringComparer.Ordinal), dependencies);

    private static FileValidation Validate(string path, string text, ProjectContext? project = null) =>
        Service.Validate(new SourceFile(path, text), project ?? ProjectContext.Empty);

    private static List<Diagnostic> Errors(FileValidation validation) =>
        validation.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    [Fact]
    public void A_valid_express_router_passes_every_check_it_claims()
    {
        const string code = """
            // path: src/routes/users.js
            'use strict';
            const express = require('express');
            const { randomUUID } = require('node:crypto');
            const store = require('../store');
            const { validateUser } = require('../models/user');

            const router = express.Router();

            router.post('/', (req, res) => {
              const problem = validateUser(req.body);
              if (problem) {
                return res.status(400).json({ error: problem });
              }
              const user = { id: randomUUID(), ...req.body };
              store.users.set(user.id, user);
              res.status(201).json(user);
            });

            module.exports = router;
            """;
        var project = Project(["src/store.js", "src/models/user.js", "src/routes/users.js"], "express");
        var result = Validate("src/routes/users.js", code, project);
        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        Assert.Equal(["syntax", "imports", "names"], result.ChecksPerformed);
        Assert.Equal(["types"], result.ChecksSkipped);
        var info = Assert.Single(result.Diagnostics);
        Assert.Equal("types-not-checked", info.Code);
        Assert.Equal(DiagnosticSeverity.Info, info.Severity);
    }

    [Fact]
    public void Syntax_errors_have_one_based_line_and_column()
    {
        var result = Validate("src/a.js", "const a = 1;\nconst b = ;\n");
        var error = Assert.Single(Errors(result));
        Assert.Equal(("syntax", 2, 11), (error.Code, error.Line, error.Column));
        Assert.Equal(["syntax"], result.ChecksPerformed);
        Assert.Contains("names", result.ChecksSkipped);
        Assert.False(result.IsValid);
    }

    [Theory]
    [InlineData("a.mjs", "import fs from 'fs';\nexport const x = fs;\n", true)]
    [InlineData("a.js", "import fs from 'fs';\nexport default fs;\n", true)]
    [InlineData("a.js", "const fs = require('fs');\nmodule.exports = fs;\n", true)]
    [InlineData("a.cjs", "import fs from 'fs';\n", false)]
    [InlineData("a.cjs", "if (!module.parent) { return; }\nconsole.log(__dirname);\n", true)]
    [InlineData("a.mjs", "with (Math) { abs(1); }\n", false)]
    [InlineData("a.js", "with (Math) { abs(1); }\n", true)]
    [InlineData("a.js", "#!/usr/bin/env node\nconsole.log(process.argv);\n", true)]
    [InlineData("a.mjs", "const data = await Promise.resolve(1);\nexport { data };\n", true)]
    public void Module_or_script_is_decided_per_file(string path, string code, bool valid)
    {
        var result = Validate(path, code);
        Assert.Equal(valid, result.IsValid);
    }

    [Fact]
    public void Es_modules_do_not_get_commonjs_names()
    {
        var result = Validate("src/a.mjs", "export const here = __dirname;\n");
        var error = Assert.Single(Errors(result));
        Assert.Equal("undefined-name", error.Code);
        Assert.Contains("ES module", error.Message);
    }

    [Fact]
    public void Imports_resolve_with_node_rules_builtins_and_declared_dependencies()
    {
        const string code = """
            const a = require('./lib/a');
            const b = require('./lib');
            const c = require('../data.json');
            const d = require('./util/index.js');
            const fs = require('fs/promises');
            const test = require('node:test');
            const fp = require('lodash/fp');
            const scoped = require('@acme/tool/sub');
            const cfg = require('./conf');
            import('./lib/a').then(() => {});
            module.exports = { a, b, c, d, fs, test, fp, scoped, cfg };
            """;
        var project = Project(["src/app.js", "src/lib/a.js", "src/lib/index.js", "data.json", "src/util/index.js", "src/conf/package.json"], "lodash@^4.17.0", "@acme/tool");
        var result = Validate("src/app.js", code, project);
        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
    }

    [Theory]
    [InlineData("require('./missing')", "Cannot resolve './missing'")]
    [InlineData("require('../../outside')", "Cannot resolve")]
    [InlineData("require('express')", "Package 'express'")]
    [InlineData("require('@scope/pkg/x')", "Package '@scope/pkg'")]
    [InlineData("require('test')", "Package 'test'")]
    [InlineData("require('node:nothing')", "not a Node 20 built-in")]
    [InlineData("require('/etc/passwd')", "absolute")]
    public void Unresolved_imports_are_errors_at_the_specifier(string call, string message)
    {
        var result = Validate("src/app.js", $"const x = 1;\n  {call};\n", Project(["src/app.js"]));
        var error = Assert.Single(Errors(result));
        Assert.Equal("import-unresolved", error.Code);
        Assert.Contains(message, error.Message);
        Assert.Equal(2, error.Line);
        Assert.Equal(11, error.Column);
    }

    [Fact]
    public void Es_import_and_export_from_are_checked()
    {
        var result = Validate("src/a.mjs", "import { x } from './b.mjs';\nexport * from './c';\nexport { y } from 'zod';\nconsole.log(x);\n", Project(["src/b.mjs"]));
        Assert.Equal(["./c", "zod"], Errors(result).Select(e => e.Message.Split('\'')[1]));
    }

    [Fact]
    public void Undefined_names_are_reported_once_with_position()
    {
        const string code = """
            function handler(req) {
              return missingHelper(req) + missingHelper(1);
            }
            module.exports = handler;
            """;
        var error = Assert.Single(Errors(Validate("src/a.js", code)));
        Assert.Equal(("undefined-name", 2, 10), (error.Code, error.Line, error.Column));
        Assert.Contains("'missingHelper'", error.Message);
    }

    [Fact]
    public void Declared_names_guards_keys_labels_and_globals_are_not_undefined()
    {
        const string code = """
            'use strict';
            const { a, b: [c = a, ...rest], ...others } = { a: 1, b: [] };
            let total = 0;
            outer: for (const [k, v] of Object.entries(others)) {
              for (let i = 0; i < v; i++) { if (i > 3) continue outer; total += i; }
              if (k) break outer;
            }
            if (typeof window !== 'undefined') { console.log('browser'); }
            class Store extends Map {
              #count = 0;
              static create() { return new Store(); }
              get size2() { return this.#count + later(); }
              [Symbol.iterator]() { return super.entries(); }
            }
            function later() { return hoisted; }
            var hoisted = 1;
            const obj = { total, key: c, method() { return rest.length; }, [a]: 2 };
            try { JSON.parse('x'); } catch ({ message }) { console.error(message, obj.key.deep); }
            const f = function named(n) { return n ? named(n - 1) : arguments.length; };
            setTimeout(() => fetch(new URL('http://x')).then(r => r.json()), 1);
            queueMicrotask(() => structuredClone({ v: globalThis.process.env, b: Buffer.from('') }));
            const meta = async () => { const m = await import('node:os'); return m; };
            module.exports = { Store, f, meta, __filename, __dirname };
            """;
        var result = Validate("src/a.js", code);
        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void Assignment_to_an_undeclared_name_is_reported()
    {
        var error = Assert.Single(Errors(Validate("src/a.js", "function f() { counter = 1; }\nf();\n")));
        Assert.Equal("undefined-name", error.Code);
        Assert.Contains("'counter'", error.Message);
    }

    [Fact]
    public void Registered_through_language_services_by_extension()
    {
        var services = new LanguageServices([new JavaScriptLanguageService(), new TypeScriptLanguageService()]);
        Assert.IsType<JavaScriptLanguageService>(services.ForPath("src/app.cjs"));
        Assert.IsType<JavaScriptLanguageService>(services.ForPath("src/app.MJS"));
        Assert.IsType<TypeScriptLanguageService>(services.ForPath("src/app.tsx"));
    }
}
