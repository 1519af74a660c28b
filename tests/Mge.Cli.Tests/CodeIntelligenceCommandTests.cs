using System.Text.Json;
using System.Text.RegularExpressions;

namespace Mge.Cli.Tests;

/// <summary>validate, atomize and waves on small projects written to a temp folder, their JSON parsed back.</summary>
public sealed class CodeIntelligenceCommandTests : IDisposable
{
    private const string ValidModel = """"
        """The user model."""
        from dataclasses import dataclass


        @dataclass
        class User:
            id: int
            name: str

            def greeting(self) -> str:
                return f"Hello {self.name}"
        """";

    private const string ValidMain = """"
        """Entry point."""
        from app.models import User


        def first_user() -> User:
            return User(id=1, name="Ada")
        """";

    private const string BrokenPython = "def broken(:\n    return 1\n";

    private const string ValidJs = """
        // Users route.
        const express = require('express');

        const router = express.Router();

        function listUsers(req, res) {
          res.json([]);
        }

        router.get('/', listUsers);
        module.exports = router;
        """;

    private const string BrokenJs = "function (x {\n  return x;\n}\n";

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Validate_json_reports_a_valid_python_file()
    {
        temp.Write("requirements.txt", "fastapi\n");
        temp.Write("app/__init__.py", "\"\"\"App package.\"\"\"\n");
        var model = temp.Write("app/models.py", ValidModel);

        var run = await CliRun.RunAsync(temp.Path, "validate", model, "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var result = ParseSingleLine(run);
        Assert.Equal("python", result.GetProperty("language").GetString());
        Assert.True(result.GetProperty("valid").GetBoolean());
        Assert.Equal("app/models.py", result.GetProperty("project_path").GetString());
        Assert.Contains("syntax", result.GetProperty("checks_performed").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Validate_a_single_file_resolves_imports_from_its_project_root()
    {
        temp.Write("requirements.txt", "fastapi\n");
        temp.Write("app/__init__.py", "\"\"\"App package.\"\"\"\n");
        temp.Write("app/models.py", ValidModel);
        var main = temp.Write("app/main.py", ValidMain);

        var run = await CliRun.RunAsync(Path.Combine(temp.Path, "app"), "validate", "main.py", "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var result = ParseSingleLine(run);
        Assert.Equal("main.py", result.GetProperty("path").GetString());
        Assert.Equal("app/main.py", result.GetProperty("project_path").GetString());
        Assert.True(result.GetProperty("valid").GetBoolean(), run.Stdout);
        Assert.True(File.Exists(main));
    }

    [Fact]
    public async Task Validate_json_reports_a_python_syntax_error_with_line_and_column()
    {
        var broken = temp.Write("broken.py", BrokenPython);

        var run = await CliRun.RunAsync(temp.Path, "validate", broken, "--json");

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        var result = ParseSingleLine(run);
        Assert.False(result.GetProperty("valid").GetBoolean());
        var error = result.GetProperty("diagnostics").EnumerateArray().First(d => d.GetProperty("severity").GetString() == "error");
        Assert.Equal(1, error.GetProperty("line").GetInt32());
        Assert.True(error.GetProperty("column").GetInt32() >= 1);
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("code").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Validate_a_directory_streams_one_object_per_file_across_languages()
    {
        temp.Write("app/__init__.py", "\"\"\"App package.\"\"\"\n");
        temp.Write("app/models.py", ValidModel);
        temp.Write("app/main.py", ValidMain);
        temp.Write("package.json", """{"name": "web", "dependencies": {"express": "^4.19.0"}}""");
        temp.Write("web/routes.js", ValidJs);
        temp.Write("web/broken.js", BrokenJs);
        temp.Write("node_modules/dep/index.js", BrokenJs);

        var run = await CliRun.RunAsync(temp.Path, "validate", ".", "--json");

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        var results = run.StdoutLines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(["app/__init__.py", "app/main.py", "app/models.py", "web/broken.js", "web/routes.js"],
            results.Select(r => r.GetProperty("project_path").GetString()));
        var byPath = results.ToDictionary(r => r.GetProperty("project_path").GetString()!);
        Assert.True(byPath["app/main.py"].GetProperty("valid").GetBoolean(), run.Stdout);
        Assert.True(byPath["web/routes.js"].GetProperty("valid").GetBoolean(), run.Stdout);
        Assert.False(byPath["web/broken.js"].GetProperty("valid").GetBoolean());
        Assert.Equal("javascript", byPath["web/broken.js"].GetProperty("language").GetString());
    }

    [Fact]
    public async Task Validate_flags_an_import_of_an_undeclared_module()
    {
        temp.Write("requirements.txt", "fastapi\n");
        var main = temp.Write("main.py", "\"\"\"Uses an undeclared package.\"\"\"\nimport fastapi\nimport requests\n\nprint(fastapi, requests)\n");

        var run = await CliRun.RunAsync(temp.Path, "validate", main, "--json");

        var result = ParseSingleLine(run);
        var messages = result.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("message").GetString() ?? "").ToList();
        Assert.Contains(messages, m => m.Contains("requests", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains("'fastapi'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_human_output_marks_each_file_and_lists_diagnostics()
    {
        temp.Write("ok.py", ValidModel);
        temp.Write("broken.py", BrokenPython);

        var run = await CliRun.RunAsync(temp.Path, "validate", temp.Path);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains(run.StdoutLines, l => l.StartsWith("PASS ok.py", StringComparison.Ordinal));
        Assert.Contains(run.StdoutLines, l => l.StartsWith("FAIL broken.py", StringComparison.Ordinal));
        Assert.Contains(run.StdoutLines, l => l.StartsWith("1:", StringComparison.Ordinal) && l.Contains("error", StringComparison.Ordinal));
        Assert.Contains("2 file(s) checked: 1 valid, 1 with errors.", run.Stdout);
    }

    [Fact]
    public async Task Validate_missing_path_is_a_usage_error()
    {
        var run = await CliRun.RunAsync(temp.Path, "validate", "nowhere.py");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal("mge validate: nowhere.py: no such file or directory.", Assert.Single(run.StderrLines));
    }

    [Fact]
    public async Task Validate_without_a_path_is_a_usage_error()
    {
        var run = await CliRun.RunAsync(temp.Path, "validate");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("mge validate: ", Assert.Single(run.StderrLines));
    }

    [Fact]
    public async Task Validate_a_file_of_an_unknown_language_is_a_usage_error()
    {
        var notes = temp.Write("notes.txt", "hello\n");

        var run = await CliRun.RunAsync(temp.Path, "validate", notes);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("not a source file", Assert.Single(run.StderrLines));
    }

    [Fact]
    public async Task Validate_a_folder_without_source_files_is_a_usage_error()
    {
        temp.Write("docs/readme.md", "# docs\n");

        var run = await CliRun.RunAsync(temp.Path, "validate", "docs");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("no source files", Assert.Single(run.StderrLines));
    }

    [Fact]
    public async Task Atomize_json_gives_atoms_that_cover_the_file_exactly()
    {
        var model = temp.Write("models.py", ValidModel);

        var run = await CliRun.RunAsync(temp.Path, "atomize", model, "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var result = ParseSingleLine(run);
        Assert.True(result.GetProperty("succeeded").GetBoolean());
        var atoms = result.GetProperty("atoms").EnumerateArray().ToList();
        Assert.NotEmpty(atoms);
        var text = File.ReadAllText(model);
        var rebuilt = string.Concat(atoms.Select(a => text[a.GetProperty("start_offset").GetInt32()..a.GetProperty("end_offset").GetInt32()]));
        Assert.Equal(text, rebuilt);
        Assert.Contains(atoms, a => a.GetProperty("defines").EnumerateArray().Any(d => d.GetString() == "User"));
        foreach (var atom in atoms)
        {
            Assert.False(string.IsNullOrEmpty(atom.GetProperty("kind").GetString()));
            Assert.True(atom.GetProperty("start_line").GetInt32() <= atom.GetProperty("end_line").GetInt32());
            Assert.Equal(JsonValueKind.String, atom.GetProperty("scope").ValueKind);
            Assert.Equal(JsonValueKind.Array, atom.GetProperty("uses").ValueKind);
        }
    }

    [Fact]
    public async Task Atomize_json_handles_javascript()
    {
        var routes = temp.Write("routes.js", ValidJs);

        var run = await CliRun.RunAsync(temp.Path, "atomize", routes, "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var result = ParseSingleLine(run);
        Assert.Equal("javascript", result.GetProperty("language").GetString());
        var atoms = result.GetProperty("atoms").EnumerateArray().ToList();
        Assert.Contains(atoms, a => a.GetProperty("defines").EnumerateArray().Any(d => d.GetString() == "listUsers"));
    }

    [Fact]
    public async Task Atomize_a_file_that_does_not_parse_exits_1_with_diagnostics_and_no_atoms()
    {
        var broken = temp.Write("broken.py", BrokenPython);

        var run = await CliRun.RunAsync(temp.Path, "atomize", broken, "--json");

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        var result = ParseSingleLine(run);
        Assert.False(result.GetProperty("succeeded").GetBoolean());
        Assert.Empty(result.GetProperty("atoms").EnumerateArray());
        Assert.NotEmpty(result.GetProperty("diagnostics").EnumerateArray());
    }

    [Fact]
    public async Task Atomize_human_output_is_a_table_per_file()
    {
        temp.Write("models.py", ValidModel);

        var run = await CliRun.RunAsync(temp.Path, "atomize", "models.py");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("models.py (python):", run.Stdout);
        Assert.Contains("class_header", run.Stdout);
        Assert.Contains("defines", run.Stdout);
    }

    [Fact]
    public async Task Waves_json_orders_a_definition_before_its_use()
    {
        temp.Write("app/__init__.py", "\"\"\"App package.\"\"\"\n");
        temp.Write("app/models.py", ValidModel);
        temp.Write("app/main.py", ValidMain);

        var run = await CliRun.RunAsync(temp.Path, "waves", temp.Path, "--json", "--max-wave-size", "3");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var plan = ParseSingleLine(run);
        var atoms = plan.GetProperty("atoms").EnumerateArray().ToList();
        var waves = plan.GetProperty("waves").EnumerateArray().Select(w => w.GetProperty("atoms").EnumerateArray().Select(a => a.GetString()!).ToList()).ToList();
        Assert.Equal(atoms.Count, plan.GetProperty("atom_count").GetInt32());
        Assert.Equal(atoms.Count, waves.Sum(w => w.Count));
        Assert.All(waves, w => Assert.True(w.Count <= 3));

        var waveOf = waves.SelectMany((w, i) => w.Select(id => (id, i))).ToDictionary(x => x.id, x => x.i);
        var edges = plan.GetProperty("edges").EnumerateArray().ToList();
        var useOfUser = Assert.Single(edges, e => e.GetProperty("symbol").GetString() == "User"
            && e.GetProperty("from").GetString()!.StartsWith("app/main.py", StringComparison.Ordinal)
            && e.GetProperty("to").GetString()!.StartsWith("app/models.py", StringComparison.Ordinal));
        Assert.True(waveOf[useOfUser.GetProperty("to").GetString()!] < waveOf[useOfUser.GetProperty("from").GetString()!]);
        Assert.Empty(plan.GetProperty("cycles").EnumerateArray());
    }

    [Fact]
    public async Task Waves_human_output_summarises_the_plan()
    {
        temp.Write("app/models.py", ValidModel);
        temp.Write("app/main.py", ValidMain);

        var run = await CliRun.RunAsync(temp.Path, "waves", ".");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        // Redirected output wraps at 100 columns, and the line starts with the (temporary, long) project folder.
        Assert.Matches(@"\d+ atom\(s\) in 2 file\(s\), \d+ edge\(s\), \d+ wave\(s\), 0 cycle\(s\)", Regex.Replace(run.Stdout, @"\s+", " "));
    }

    [Fact]
    public async Task Waves_on_a_file_is_a_usage_error()
    {
        var model = temp.Write("models.py", ValidModel);

        var run = await CliRun.RunAsync(temp.Path, "waves", model);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("needs a project directory", Assert.Single(run.StderrLines));
    }

    [Fact]
    public async Task Waves_with_a_zero_wave_size_is_a_usage_error()
    {
        temp.Write("models.py", ValidModel);

        var run = await CliRun.RunAsync(temp.Path, "waves", ".", "--max-wave-size", "0");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--max-wave-size", Assert.Single(run.StderrLines));
    }

    private static JsonElement ParseSingleLine(CliRun run)
    {
        var line = Assert.Single(run.StdoutLines);
        return JsonDocument.Parse(line).RootElement.Clone();
    }
}
