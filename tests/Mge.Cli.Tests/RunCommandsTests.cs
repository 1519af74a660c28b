using System.Text.Json;
using Mge.Pipeline;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Runs;
using Mge.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mge.Cli.Tests;

/// <summary>
/// <c>mge status</c>, <c>mge list</c> and <c>mge resume</c> on local runs (the folder &lt;out&gt;/.mge), and the
/// bad inputs of the durable options: unknown ids, malformed or unreachable --storage, a negative --budget.
/// </summary>
public sealed class RunCommandsTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task A_completed_local_run_is_shown_listed_and_delivered_again_by_resume()
    {
        var generate = await CliRun.RunAsync(temp.Path, "generate", "Build an Express API for a library with books and authors", "--type", "express", "--out", "out", "--json");
        Assert.True(generate.ExitCode == ExitCodes.Success, generate.Stderr);
        using var summary = JsonDocument.Parse(generate.StdoutLines[^1]);
        var runId = summary.RootElement.GetProperty("run_id").GetString()!;
        var firstZip = summary.RootElement.GetProperty("zip_path").GetString()!;

        var status = await CliRun.RunAsync(temp.Path, "status", runId, "--out", "out", "--json");
        Assert.Equal(ExitCodes.Success, status.ExitCode);
        using (var json = JsonDocument.Parse(status.Stdout))
        {
            var root = json.RootElement;
            Assert.Equal("completed", root.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, root.GetProperty("orchestration_status").ValueKind);
            Assert.Equal(summary.RootElement.GetProperty("tasks").GetInt32(), root.GetProperty("tasks").GetInt32());
            Assert.Equal(summary.RootElement.GetProperty("atoms").GetInt32(), root.GetProperty("atoms").GetInt32());
            Assert.Equal(root.GetProperty("atoms").GetInt32(), root.GetProperty("results").GetInt32());
            Assert.Equal(summary.RootElement.GetProperty("usage").GetProperty("calls").GetInt32(), root.GetProperty("calls").GetInt32());
            Assert.Equal($"{runId}.zip", root.GetProperty("workspace_zip").GetString());
        }

        var human = await CliRun.RunAsync(temp.Path, "status", runId, "--out", "out");
        Assert.Equal(ExitCodes.Success, human.ExitCode);
        Assert.Contains(human.StdoutLines, l => l.StartsWith("status", StringComparison.Ordinal) && l.Contains("completed", StringComparison.Ordinal));

        var list = await CliRun.RunAsync(temp.Path, "list", "--out", "out", "--json");
        Assert.Equal(ExitCodes.Success, list.ExitCode);
        using (var runs = JsonDocument.Parse(list.Stdout))
        {
            var only = Assert.Single(runs.RootElement.EnumerateArray());
            Assert.Equal(runId, only.GetProperty("run_id").GetString());
            Assert.Equal(summary.RootElement.GetProperty("project_name").GetString(), only.GetProperty("project_name").GetString());
            Assert.True(only.GetProperty("cost_usd").GetDecimal() > 0);
        }

        var table = await CliRun.RunAsync(temp.Path, "list", "--out", "out");
        Assert.Contains(runId, table.Stdout, StringComparison.Ordinal);

        var resume = await CliRun.RunAsync(temp.Path, "resume", runId, "--out", "out", "--json");
        Assert.True(resume.ExitCode == ExitCodes.Success, resume.Stderr);
        Assert.Contains("already completed", resume.Stderr, StringComparison.Ordinal);
        using var again = JsonDocument.Parse(resume.Stdout);
        Assert.Equal("already_completed", again.RootElement.GetProperty("resume").GetString());
        var secondZip = again.RootElement.GetProperty("zip_path").GetString()!;
        Assert.NotEqual(firstZip, secondZip);
        Assert.Equal(File.ReadAllBytes(firstZip), File.ReadAllBytes(secondZip));
    }

    [Fact]
    public async Task Resuming_a_failed_local_run_explains_why_and_exits_1()
    {
        var generate = await CliRun.RunAsync(temp.Path, "generate", "hello", "--out", "out", "--json");
        Assert.Equal(ExitCodes.Failure, generate.ExitCode);
        var runId = JsonDocument.Parse(generate.StdoutLines[^1]).RootElement.GetProperty("run_id").GetString()!;

        var resume = await CliRun.RunAsync(temp.Path, "resume", runId, "--out", "out");
        Assert.Equal(ExitCodes.Failure, resume.ExitCode);
        Assert.Contains("failed in phase discovery", resume.Stderr, StringComparison.Ordinal);
        Assert.Contains("cannot be resumed", resume.Stderr, StringComparison.Ordinal);

        var status = await CliRun.RunAsync(temp.Path, "status", runId, "--out", "out", "--json");
        Assert.Equal(ExitCodes.Success, status.ExitCode);
        using var json = JsonDocument.Parse(status.Stdout);
        Assert.Equal("failed", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("discovery", json.RootElement.GetProperty("failed_phase").GetString());
        Assert.False(json.RootElement.GetProperty("resumable").GetBoolean());
    }

    [Fact]
    public async Task An_interrupted_local_run_cannot_be_resumed_and_resume_says_why()
    {
        // What a killed 'mge generate' without --storage leaves: the run recorded as running, no engine state.
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
        services.AddMgePipeline();
        services.AddMgeFileStorage(Path.Combine(temp.Path, "out", ".mge"));
        await using (var provider = services.BuildServiceProvider())
        {
            var journal = provider.GetRequiredService<RunJournal>();
            await journal.CreateAsync(new GenerationRequest("mge-interrupted-1", "Create a FastAPI REST API for notes", new GenerationOptions(), DateTimeOffset.UtcNow));
            await journal.MarkPhaseAsync("mge-interrupted-1", PipelinePhase.CodeGeneration);
        }

        var resume = await CliRun.RunAsync(temp.Path, "resume", "mge-interrupted-1", "--out", "out");
        Assert.Equal(ExitCodes.Failure, resume.ExitCode);
        Assert.Contains("in-memory engine", resume.Stderr, StringComparison.Ordinal);
        Assert.Contains("cannot be resumed", resume.Stderr, StringComparison.Ordinal);
        Assert.Contains("--storage", resume.Stderr, StringComparison.Ordinal);

        var status = await CliRun.RunAsync(temp.Path, "status", "mge-interrupted-1", "--out", "out");
        Assert.Equal(ExitCodes.Success, status.ExitCode);
        Assert.Contains("code_generation", status.Stdout, StringComparison.Ordinal);
        Assert.Contains("cannot be resumed", status.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("status")]
    [InlineData("resume")]
    public async Task Unknown_ids_are_a_usage_error_with_a_clear_message(string command)
    {
        var none = await CliRun.RunAsync(temp.Path, command, "mge-nope", "--out", "out");
        Assert.Equal(ExitCodes.Usage, none.ExitCode);
        Assert.Contains($"mge {command}: no run 'mge-nope' in ", none.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "out", ".mge")) && command == "status", "status must not create the runs folder");

        var odd = await CliRun.RunAsync(temp.Path, command, "../../etc/passwd", "--out", "out");
        Assert.Equal(ExitCodes.Usage, odd.ExitCode);
        Assert.DoesNotContain("   at ", odd.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_of_an_empty_folder_says_there_are_no_runs()
    {
        var list = await CliRun.RunAsync(temp.Path, "list", "--out", "empty");
        Assert.Equal(ExitCodes.Success, list.ExitCode);
        Assert.Contains("no runs in", list.Stdout, StringComparison.Ordinal);
        var json = await CliRun.RunAsync(temp.Path, "list", "--out", "empty", "--json");
        Assert.Equal("[]", json.Stdout.Trim());
    }

    [Theory]
    [InlineData("generate")]
    [InlineData("status")]
    [InlineData("list")]
    public async Task A_malformed_connection_string_is_refused_without_echoing_it(string command)
    {
        const string Secret = "c2VjcmV0LWtleS10aGF0LW11c3Qtbm90LWxlYWs=";
        string[] args = command switch
        {
            "generate" => ["generate", "Create a FastAPI REST API for notes", "--out", "out", "--storage", Secret],
            "status" => ["status", "mge-x", "--storage", Secret],
            _ => ["list", "--storage", Secret],
        };

        var run = await CliRun.RunAsync(temp.Path, args);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--storage: not a valid Azure Storage connection string", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "out", ".mge")), "nothing ran");
    }

    [Fact]
    public async Task Unreachable_storage_is_a_usage_error_naming_the_endpoint()
    {
        var port = FreePorts.Next();
        var connection = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
            $"BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

        var run = await CliRun.RunAsync(temp.Path, "generate", "Create a FastAPI REST API for notes", "--out", "out", "--storage", connection);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--storage: cannot reach the table service", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_negative_budget_is_refused()
    {
        var run = await CliRun.RunAsync(temp.Path, "resume", "mge-x", "--budget", "-1", "--out", "out");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--budget cannot be negative", run.Stderr, StringComparison.Ordinal);
    }
}
