using System.Text.Json;

namespace Mge.Cli.Tests;

/// <summary>
/// <c>mge generate</c> for domains the offline model has no vocabulary for (issue 11): the whole workflow
/// completes on the embedded engine, and the request's own nouns become the project's routes, in English and Spanish.
/// </summary>
public sealed class OpenDomainGenerateTests : IDisposable
{
    private const string Beekeeping = "Build an Express API for a beekeeping cooperative: hives, apiaries, harvests and beekeepers";
    private const string Protectora = "una protectora con animales, adoptantes, solicitudes de adopción y visitas";

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Beekeeping_request_generates_an_Express_project_with_its_four_resources()
    {
        var folder = await GenerateAsync(Beekeeping, "express");

        foreach (var plural in new[] { "hives", "apiaries", "harvests", "beekeepers" })
        {
            Assert.True(File.Exists(Path.Combine(folder, "src", "routes", plural + ".js")), $"src/routes/{plural}.js");
            Assert.True(File.Exists(Path.Combine(folder, "test", plural + ".test.js")), $"test/{plural}.test.js");
        }

        foreach (var script in Directory.GetFiles(folder, "*.js", SearchOption.AllDirectories))
        {
            var (exitCode, output) = await ExternalTool.RunAsync("node", folder, ["--check", script]);
            Assert.True(exitCode == 0, $"{script}: {output}");
        }
    }

    [Fact]
    public async Task Protectora_request_generates_a_FastApi_project_with_Spanish_tables()
    {
        var folder = await GenerateAsync(Protectora, "fastapi");

        foreach (var plural in new[] { "animales", "adoptantes", "solicitudes_adopcion", "visitas" })
        {
            Assert.True(File.Exists(Path.Combine(folder, "app", "routers", plural + ".py")), $"app/routers/{plural}.py");
        }

        Assert.Contains("__tablename__ = \"solicitudes_adopcion\"", await File.ReadAllTextAsync(Path.Combine(folder, "app", "models", "solicitud_adopcion.py")));
        var python = Directory.GetFiles(folder, "*.py", SearchOption.AllDirectories);
        var (exitCode, output) = await ExternalTool.RunAsync("python3", folder,
            ["-c", "import py_compile, sys\nfor f in sys.argv[1:]:\n    py_compile.compile(f, doraise=True)", .. python]);
        Assert.True(exitCode == 0, output);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Beekeeping_Express_project_passes_its_own_tests_after_npm_install()
    {
        var folder = await GenerateAsync(Beekeeping, "express");

        var (installExit, installOutput) = await ExternalTool.RunAsync("npm", folder, ["install", "--no-audit", "--no-fund"]);
        Assert.True(installExit == 0, installOutput);
        var (testExit, testOutput) = await ExternalTool.RunAsync("npm", folder, ["test"]);
        Assert.True(testExit == 0, testOutput);
        Assert.Contains("# fail 0", testOutput);
        Assert.Contains("/beekeepers", await File.ReadAllTextAsync(Path.Combine(folder, "test", "beekeepers.test.js")));
    }

    /// <summary>Runs the whole generation and returns the unpacked project folder.</summary>
    private async Task<string> GenerateAsync(string request, string type)
    {
        var run = await CliRun.RunAsync(temp.Path, "generate", request, "--type", type, "--out", "out", "--json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        var summary = JsonDocument.Parse(Assert.Single(run.StdoutLines)).RootElement;
        Assert.Equal("completed", summary.GetProperty("status").GetString());
        Assert.Equal(type, summary.GetProperty("project_type").GetString());
        Assert.True(summary.GetProperty("atoms").GetInt32() > 0);
        return summary.GetProperty("folder_path").GetString()!;
    }
}
