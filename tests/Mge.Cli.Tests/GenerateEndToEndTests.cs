using System.IO.Compression;
using System.Text.Json;
using Mge.Pipeline.Infrastructure;

namespace Mge.Cli.Tests;

/// <summary>
/// <c>mge generate</c> through the whole workflow on the embedded engine and the offline model, checked with
/// the real interpreters: every generated Python file compiles under CPython, every JavaScript file passes
/// <c>node --check</c>. Each run takes 1-6 s here (offline model, in-memory engine), so none is marked Slow.
/// </summary>
public sealed class GenerateEndToEndTests : IDisposable
{
    /// <summary>The README's example request.</summary>
    private const string FastApiRequest = "Create a FastAPI REST API for task management with users, tasks and comments";

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task FastApi_request_produces_a_zip_and_folder_of_compiling_python()
    {
        var run = await CliRun.RunAsync(temp.Path, "generate", FastApiRequest, "--out", "out", "--json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        var summary = ParseSummary(run);
        Assert.Equal("completed", summary.GetProperty("status").GetString());
        Assert.Equal("fastapi", summary.GetProperty("project_type").GetString());
        Assert.True(summary.GetProperty("atoms").GetInt32() > 0);
        Assert.True(summary.GetProperty("waves").GetInt32() > 0);
        Assert.True(summary.GetProperty("files").GetInt32() > 0);
        Assert.True(summary.GetProperty("usage").GetProperty("input_tokens").GetInt64() > 0);

        var zipPath = summary.GetProperty("zip_path").GetString()!;
        var folder = summary.GetProperty("folder_path").GetString()!;
        Assert.StartsWith(Path.Combine(temp.Path, "out"), zipPath);
        Assert.True(File.Exists(zipPath));
        Assert.True(Directory.Exists(folder));
        Assert.True(Directory.Exists(Path.Combine(temp.Path, "out", ".mge")), "the run's records stay inspectable under <out>/.mge");

        var entries = ZipEntries(zipPath);
        foreach (var required in new[] { "Dockerfile", "docker-compose.yml", ".env.example", "requirements.txt", "README.md", "app/main.py" })
        {
            Assert.Contains(required, entries);
            Assert.True(File.Exists(Path.Combine(folder, required)), $"{required} unpacked");
        }

        Assert.Empty(ComposeFileCheck.Check(await File.ReadAllTextAsync(Path.Combine(folder, "docker-compose.yml"))));

        var pythonFiles = entries.Where(e => e.EndsWith(".py", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(pythonFiles);
        var (exitCode, output) = await ExternalTool.RunAsync("python3", folder,
            ["-c", "import py_compile, sys\nfor f in sys.argv[1:]:\n    py_compile.compile(f, doraise=True)", .. pythonFiles]);
        Assert.True(exitCode == 0, output);

        // Progress went to stderr as plain lines, one per phase at least.
        Assert.Contains(run.StderrLines, l => l.Contains("code generation", StringComparison.Ordinal));
        Assert.Contains(run.StderrLines, l => l.Contains("delivery", StringComparison.Ordinal));
        Assert.DoesNotContain('\u001b', run.Stderr);
    }

    [Fact]
    public async Task Express_request_produces_javascript_that_node_accepts()
    {
        var run = await CliRun.RunAsync(temp.Path, "generate", "Build an Express API for a library with books and authors", "--type", "express", "--out", "out", "--json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        var summary = ParseSummary(run);
        Assert.Equal("express", summary.GetProperty("project_type").GetString());
        var folder = summary.GetProperty("folder_path").GetString()!;
        var entries = ZipEntries(summary.GetProperty("zip_path").GetString()!);
        Assert.Contains("package.json", entries);
        Assert.Contains("src/app.js", entries);

        var scripts = entries.Where(e => e.EndsWith(".js", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            var (exitCode, output) = await ExternalTool.RunAsync("node", folder, ["--check", script]);
            Assert.True(exitCode == 0, $"{script}: {output}");
        }
    }

    [Fact]
    public async Task Run_with_injected_faults_still_completes_and_reports_repairs()
    {
        var run = await CliRun.RunAsync(temp.Path, "generate", FastApiRequest, "--out", "out", "--json", "--faults", "0.3");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        var summary = ParseSummary(run);
        Assert.Equal("completed", summary.GetProperty("status").GetString());
        var atomsRepaired = summary.GetProperty("atoms_repaired").GetInt32();
        var repairRounds = summary.GetProperty("task_repair_rounds").GetInt32();
        Assert.True(atomsRepaired + repairRounds > 0, $"no repair reported:\n{run.Stderr}");
        if (repairRounds > 0)
        {
            Assert.True(summary.GetProperty("tasks_failing_first_validation").GetInt32() > 0);
            Assert.Contains(run.StderrLines, l => l.Contains("after repair round", StringComparison.Ordinal));
        }
        Assert.True(File.Exists(summary.GetProperty("zip_path").GetString()));
    }

    [Fact]
    public async Task Human_output_ends_with_the_summary_table_and_the_paths()
    {
        var run = await CliRun.RunAsync(temp.Path, "generate", FastApiRequest, "--out", "out", "--concurrency", "4");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        foreach (var item in new[] { "generation summary", "precision", "tokens", "estimated cost", "duration", "checks skipped", "paths confined", "zip" })
        {
            Assert.Contains(item, run.Stdout);
        }

        Assert.Contains(".zip", run.Stdout);
    }

    [Fact]
    public async Task A_failed_run_names_the_phase_and_reason_and_exits_1()
    {
        var run = await CliRun.RunAsync(temp.Path, "generate", "hello", "--out", "out", "--json");

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        var result = ParseSummary(run);
        Assert.Equal("failed", result.GetProperty("status").GetString());
        Assert.Equal("discovery", result.GetProperty("failed_phase").GetString());
        Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("error").GetString()));
        Assert.Contains(run.StderrLines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^mge generate: run \d{8}-\d{6}-[0-9a-f]{12} ") && l.Contains("failed in phase discovery", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    [Fact]
    public async Task A_run_over_its_budget_stops_cleanly_keeps_its_work_and_says_how_to_continue()
    {
        var run = await CliRun.RunAsync(temp.Path, "generate", "Create a FastAPI REST API for task management with users, tasks, and comments",
            "--out", "out", "--json", "--budget", "0.002");

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        var result = ParseSummary(run);
        Assert.Equal("failed", result.GetProperty("status").GetString());
        Assert.Contains("--budget", result.GetProperty("error").GetString(), StringComparison.Ordinal);
        var runId = result.GetProperty("run_id").GetString()!;
        Assert.Contains(run.StderrLines, l => l.Contains($"mge resume {runId} --budget", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", run.Stderr);

        var resumed = await CliRun.RunAsync(temp.Path, "resume", runId, "--out", "out", "--budget", "0", "--json");

        Assert.Equal(ExitCodes.Success, resumed.ExitCode);
        Assert.Equal("completed", ParseSummary(resumed).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Cancelling_mid_run_stops_cleanly_with_exit_code_130()
    {
        using var cancellation = new CancellationTokenSource();
        using var stderr = new LineTriggerWriter("masterplan", cancellation.Cancel);

        var run = await CliRun.RunAsync(temp.Path, stderr, cancellation.Token, "generate", FastApiRequest, "--out", "out", "--json");

        Assert.Equal(ExitCodes.Cancelled, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Equal("mge generate: cancelled.", run.StderrLines[^1]);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.Empty(Directory.GetFiles(Path.Combine(temp.Path, "out"), "*.zip"));
        Assert.Contains(run.StderrLines, l => l.Contains("FAILED: cancelled by the user", StringComparison.Ordinal));
    }

    private static JsonElement ParseSummary(CliRun run)
    {
        var line = Assert.Single(run.StdoutLines);
        return JsonDocument.Parse(line).RootElement.Clone();
    }

    private static List<string> ZipEntries(string zipPath)
    {
        using var archive = ZipFile.OpenRead(zipPath);
        return archive.Entries.Where(e => !e.FullName.EndsWith('/')).Select(e => e.FullName).ToList();
    }
}
