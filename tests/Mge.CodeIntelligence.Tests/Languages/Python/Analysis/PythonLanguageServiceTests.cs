using System.Text;
using Mge.CodeIntelligence.Languages;
using Mge.CodeIntelligence.Languages.Python;
using Mge.CodeIntelligence.Languages.Python.Analysis;
using static Mge.CodeIntelligence.Tests.Languages.Python.Analysis.PythonSourceFixtures;

namespace Mge.CodeIntelligence.Tests.Languages.Python.Analysis;

public sealed class PythonLanguageServiceTests
{
    private readonly PythonLanguageService _service = new();

    [Fact]
    public void Declares_python_and_its_extensions()
    {
        Assert.Equal(SourceLanguage.Python, _service.Language);
        Assert.Equal([".py", ".pyi"], _service.FileExtensions);
        Assert.Same(_service, new LanguageServices([_service]).ForPath("app/models/user.py"));
    }

    [Fact]
    public void Valid_file_passes_syntax_imports_and_names_and_says_types_were_not_checked()
    {
        const string Source = """"
            """Users router."""
            from fastapi import APIRouter, Depends
            from app.database import get_db

            router = APIRouter()


            @router.get("/users")
            def list_users(db=Depends(get_db)):
                return []
            """";

        var result = _service.Validate(new SourceFile("app/routers/users.py", Source), FastApiProject());

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        Assert.Equal(["syntax", "imports", "names"], result.ChecksPerformed);
        Assert.Equal(["types"], result.ChecksSkipped);
        Assert.Contains(result.Diagnostics, d => d.Code == "types-not-checked" && d.Severity == DiagnosticSeverity.Info);
    }

    [Fact]
    public void Undefined_names_and_unresolved_imports_are_errors()
    {
        const string Source = "from app.database import get_session\n\ndef handler():\n    return get_sesion()\n";

        var result = _service.Validate(new SourceFile("app/routers/users.py", Source), FastApiProject());

        Assert.False(result.IsValid);
        Assert.Contains(result.Diagnostics, d => d is { Code: "import-unresolved", Line: 1 });
        Assert.Contains(result.Diagnostics, d => d is { Code: "undefined-name", Line: 4, Column: 12 });
    }

    [Fact]
    public void Syntax_errors_skip_the_other_checks_and_say_why()
    {
        var result = _service.Validate(new SourceFile("app/main.py", "def broken(:\n    pass\n"), FastApiProject());

        Assert.False(result.IsValid);
        Assert.Equal(["syntax"], result.ChecksPerformed);
        Assert.Equal(["imports", "names", "types"], result.ChecksSkipped);
        Assert.Contains(result.Diagnostics, d => d.Code == "syntax" && d.Severity == DiagnosticSeverity.Error);
        Assert.Contains(result.Diagnostics, d => d.Code == "checks-skipped");
    }

    [Fact]
    public void Star_import_from_a_project_module_brings_its_public_names()
    {
        var project = FastApiProject(("app/constants.py", "\"\"\"Constants.\"\"\"\n__all__ = ['LIMIT']\nLIMIT = 10\nOTHER = 2\n"));

        var result = _service.Validate(new SourceFile("app/main.py", "from app.constants import *\nprint(LIMIT, OTHER)\n"), project);

        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("undefined-name", error.Code);
        Assert.Contains("'OTHER'", error.Message);
    }

    [Fact]
    public void Configured_checker_missing_from_path_is_reported_not_passed()
    {
        var service = new PythonLanguageService(new PythonLanguageServiceOptions
        {
            TypeCheck = new PythonTypeCheckOptions { Command = "mge-no-such-type-checker-xyz" },
        });

        var result = service.Validate(new SourceFile("main.py", "print(1)\n"), ProjectContext.Empty);

        Assert.Contains("types", result.ChecksSkipped);
        Assert.Contains(result.Diagnostics, d => d.Code == "types-not-checked" && d.Message.Contains("not found on PATH"));
    }

    [Fact]
    public void Configured_checker_output_becomes_type_diagnostics()
    {
        var script = Path.Combine(Path.GetTempPath(), $"mge-fake-mypy-{Guid.NewGuid():N}.sh");
        File.WriteAllText(script, "#!/bin/sh\nfor last; do :; done\necho \"$last:2:5: error: Incompatible return value  [return-value]\"\necho \"other.py:1:1: error: not ours\"\nexit 1\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        try
        {
            var service = new PythonLanguageService(new PythonLanguageServiceOptions { TypeCheck = new PythonTypeCheckOptions { Command = script } });

            var result = service.Validate(new SourceFile("app/main.py", "def f() -> int:\n    return 'x'\n"), ProjectContext.Empty);

            Assert.Contains("types", result.ChecksPerformed);
            var type = Assert.Single(result.Diagnostics, d => d.Code == "type");
            Assert.Equal((2, 5, DiagnosticSeverity.Error), (type.Line, type.Column, type.Severity));
            Assert.Contains("Incompatible return value", type.Message);
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public void Pyright_output_lines_are_understood()
    {
        var diagnostics = PythonTypeChecker.ParseOutput(
            "/tmp/root/app/main.py\n  /tmp/root/app/main.py:3:8 - error: \"x\" is not defined (reportUndefinedVariable)\n0 errors",
            "/tmp/root", "app/main.py");

        var only = Assert.Single(diagnostics);
        Assert.Equal((3, 8), (only.Line, only.Column));
    }

    [Fact]
    public void Invalid_utf8_bytes_are_an_encoding_error()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("x = 1\ny = '"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("'\n")];

        var validation = _service.Validate("app/main.py", bytes, ProjectContext.Empty);
        var atomized = _service.Atomize("app/main.py", bytes);

        var error = Assert.Single(validation.Diagnostics);
        Assert.Equal(("encoding", 2), (error.Code, error.Line));
        Assert.Empty(validation.ChecksPerformed);
        Assert.False(atomized.Succeeded);
        Assert.Empty(atomized.Atoms);
    }

    [Fact]
    public void Utf8_bom_is_kept_and_atoms_join_back_to_the_bytes()
    {
        var text = "import os\n\ndef f():\n    return os.sep\n";
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)];

        var atomized = _service.Atomize("bom.py", bytes);

        Assert.True(atomized.Succeeded, string.Join("; ", atomized.Diagnostics));
        var joined = string.Concat(atomized.Atoms.Select(a => a.Code));
        Assert.Equal(bytes, new UTF8Encoding(false).GetBytes(joined));
        Assert.True(_service.Validate("bom.py", bytes, ProjectContext.Empty).IsValid);
    }

    [Fact]
    public void Binary_content_is_rejected_with_a_clear_diagnostic()
    {
        var random = new Random(7);
        var bytes = new byte[4096];
        random.NextBytes(bytes);

        var validation = _service.Validate("blob.py", bytes, ProjectContext.Empty);

        Assert.False(validation.IsValid);
        Assert.Contains(validation.Diagnostics, d => d.Code == "encoding");
    }

    [Fact]
    public void Text_with_nul_bytes_is_a_syntax_error_not_a_crash()
    {
        var validation = _service.Validate(new SourceFile("nul.py", "x = 1\n\0\0\0binary\n"), ProjectContext.Empty);
        var atomized = _service.Atomize(new SourceFile("nul.py", "x = 1\n\0\0\0binary\n"));

        Assert.False(validation.IsValid);
        Assert.Empty(atomized.Atoms);
        Assert.False(atomized.Succeeded);
    }

    [Fact]
    public void Deep_nesting_is_reported_not_a_stack_overflow()
    {
        var deep = "x = " + new string('(', 5000) + "1" + new string(')', 5000) + "\n";
        var deepBlocks = string.Concat(Enumerable.Range(0, 150).Select(i => new string(' ', i) + "if x:\n")) + new string(' ', 150) + "pass\n";

        foreach (var source in new[] { deep, deepBlocks })
        {
            var validation = _service.Validate(new SourceFile("deep.py", source), ProjectContext.Empty);
            var atomized = _service.Atomize(new SourceFile("deep.py", source));

            Assert.False(validation.IsValid);
            Assert.Contains(validation.Diagnostics, d => d.Code == "syntax");
            Assert.Empty(atomized.Atoms);
        }
    }

    [Fact]
    public void Huge_file_validates_and_atomizes()
    {
        var builder = new StringBuilder("\"\"\"Generated.\"\"\"\nimport os\n\n");
        for (var i = 0; i < 5000; i++)
        {
            builder.Append($"def function_{i}(value):\n    return os.path.join(str(value), '{i}')\n\n\n");
        }

        var file = new SourceFile("huge.py", builder.ToString());

        var validation = _service.Validate(file, ProjectContext.Empty);
        var atomized = _service.Atomize(file);

        Assert.True(validation.IsValid, string.Join("\n", validation.Diagnostics.Take(5)));
        Assert.Equal(file.Text, string.Concat(atomized.Atoms.Select(a => a.Code)));
        Assert.Equal(5000, atomized.Atoms.Count(a => a.Kind == Mge.CodeIntelligence.Atomization.AtomKind.Function));
    }
}
