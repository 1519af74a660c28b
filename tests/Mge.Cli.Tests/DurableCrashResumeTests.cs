using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Mge.Testing;
using Xunit.Abstractions;

namespace Mge.Cli.Tests;

/// <summary>
/// The durable run's key promise, with real processes: <c>mge generate --storage</c> against Azurite (kept on
/// disk) is SIGKILLed in the middle of code generation, <c>mge resume</c> in a new process completes it, no
/// model call that had completed (journaled) is answered by the model again, and every table holds each row
/// once. The offline model answers after a simulated latency so code generation lasts a few seconds, and
/// each process writes the fingerprint of every prompt the model really answered to its own ledger.
/// </summary>
[Trait("Category", "Slow")]
public sealed class DurableCrashResumeTests(ITestOutputHelper output) : IDisposable
{
    private const string Request = "Create a FastAPI REST API for task management with users, tasks and comments";

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Killed_during_code_generation_then_resumed_completes_without_paying_a_call_twice()
    {
        await using var azurite = new AzuriteProcess(Path.Combine(temp.Path, "azurite"));
        Directory.CreateDirectory(azurite.DataFolder!);
        await azurite.StartAsync();
        var connection = azurite.ConnectionString;
        var firstLedger = Path.Combine(temp.Path, "paid-by-generate.txt");
        var secondLedger = Path.Combine(temp.Path, "paid-by-resume.txt");

        // 1. generate as a real process; SIGKILL once code generation is under way.
        var clock = Stopwatch.StartNew();
        string runId;
        using (var generate = MgeProcess.Start(temp.Path, Environment(firstLedger),
            "generate", Request, "--storage", connection, "--out", "out", "--json", "--concurrency", "3"))
        {
            var started = await generate.WaitForErrorLineAsync(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^mge generate: run \d{8}-\d{6}-[0-9a-f]{12} "), TimeSpan.FromSeconds(90));
            runId = started.Split(' ')[3];
            // Tasks finishing together may skip a count in the plain progress lines: wait for 4 or more done.
            await generate.WaitForErrorLineAsync(l => CodeGenerationDone(l) >= 4, TimeSpan.FromSeconds(90));
            Assert.False(generate.HasExited, "generate finished before it could be killed");
            await generate.KillAsync();
            Assert.DoesNotContain("code generation 19/19 19 succeeded", generate.Stderr, StringComparison.Ordinal);
        }

        var killedAt = clock.Elapsed;
        var atKill = await StoredRun.ReadAsync(connection, runId);
        Assert.Contains(atKill.Calls, c => c.Key.StartsWith("code-", StringComparison.Ordinal));
        Assert.True(atKill.Tasks.Count > atKill.Calls.Count(c => c.Key.StartsWith("code-", StringComparison.Ordinal)), "some code calls were still to be made");
        Assert.Empty(atKill.Atoms);

        // 2. status sees a durable run that is still running, and says resume can continue it.
        var status = await RunToEndAsync(Environment(null), "status", runId, "--storage", connection, "--json");
        Assert.Equal(ExitCodes.Success, status.ExitCode);
        using (var statusJson = JsonDocument.Parse(status.Stdout))
        {
            Assert.Equal("running", statusJson.RootElement.GetProperty("status").GetString());
            Assert.True(statusJson.RootElement.GetProperty("resumable").GetBoolean());
        }

        // 3. resume in a new process: the run completes and is delivered.
        var resumeStarted = clock.Elapsed;
        var resume = await RunToEndAsync(Environment(secondLedger), "resume", runId, "--storage", connection, "--out", "out", "--json");
        var resumeTook = clock.Elapsed - resumeStarted;
        Assert.True(resume.ExitCode == ExitCodes.Success, resume.Stderr);
        using var summary = JsonDocument.Parse(resume.Stdout);
        Assert.Equal("completed", summary.RootElement.GetProperty("status").GetString());
        Assert.Equal("continued", summary.RootElement.GetProperty("resume").GetString());
        var zipPath = summary.RootElement.GetProperty("zip_path").GetString()!;
        Assert.True(File.Exists(zipPath));

        // 4. Nothing paid twice: no call journaled before the kill reached the model again, the resume paid
        //    each of its calls once, and the journal is exactly the calls paid before the kill plus those.
        var final = await StoredRun.ReadAsync(connection, runId);
        var journaledAtKill = atKill.PromptFingerprintByCall.Values.ToHashSet(StringComparer.Ordinal);
        var paidByGenerate = ReadLedger(firstLedger);
        var paidByResume = ReadLedger(secondLedger);
        Assert.Empty(paidByResume.Intersect(journaledAtKill, StringComparer.Ordinal));
        Assert.Equal(paidByResume.Count, paidByResume.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(final.Calls.Count, final.Calls.Select(c => c.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(
            journaledAtKill.Union(paidByResume, StringComparer.Ordinal).Order(StringComparer.Ordinal),
            final.PromptFingerprintByCall.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        Assert.Equal(final.Calls.Count, atKill.Calls.Count + paidByResume.Count);
        // Answered but not yet journaled when killed: the only calls that can be paid again (at most one per slot in flight).
        var answeredNotJournaled = paidByGenerate.Except(journaledAtKill, StringComparer.Ordinal).Count();
        Assert.InRange(answeredNotJournaled, 0, 3);
        var usage = summary.RootElement.GetProperty("usage");
        Assert.Equal(final.Calls.Count, usage.GetProperty("calls").GetInt32());
        Assert.Equal(final.Calls.Sum(c => c.InputTokens), usage.GetProperty("input_tokens").GetInt64());

        // 5. Nothing duplicated or lost, and the same project as a run that was never interrupted.
        final.AssertNothingDuplicatedOrLost();
        Assert.Equal(final.Tasks.Count, summary.RootElement.GetProperty("tasks").GetInt32());
        Assert.Equal(final.Atoms.Count, summary.RootElement.GetProperty("atoms").GetInt32());
        var reference = await CliRun.RunAsync(temp.Path, "generate", Request, "--out", "reference", "--json");
        Assert.True(reference.ExitCode == ExitCodes.Success, reference.Stderr);
        using var referenceSummary = JsonDocument.Parse(reference.StdoutLines[^1]);
        AssertSameCode(referenceSummary.RootElement.GetProperty("zip_path").GetString()!, zipPath);

        // 6. Resuming the finished run again says so and delivers the zip again (exit 0).
        var again = await RunToEndAsync(Environment(secondLedger), "resume", runId, "--storage", connection, "--out", "out", "--json");
        Assert.True(again.ExitCode == ExitCodes.Success, again.Stderr);
        Assert.Contains("already completed", again.Stderr, StringComparison.Ordinal);
        using var againSummary = JsonDocument.Parse(again.Stdout);
        Assert.NotEqual(zipPath, againSummary.RootElement.GetProperty("zip_path").GetString());
        Assert.Equal(File.ReadAllBytes(zipPath), File.ReadAllBytes(againSummary.RootElement.GetProperty("zip_path").GetString()!));
        Assert.Equal(paidByResume.Count, ReadLedger(secondLedger).Count);

        output.WriteLine($"killed after {killedAt.TotalSeconds:0.0} s with {atKill.Calls.Count} calls journaled ({paidByGenerate.Count} answered by the model, {answeredNotJournaled} not yet journaled)");
        output.WriteLine($"resume took {resumeTook.TotalSeconds:0.0} s and paid {paidByResume.Count} calls; journal {final.Calls.Count} calls, {final.Tasks.Count} tasks, {final.Atoms.Count} atoms, {final.Results.Count} results");
    }

    /// <summary>Local settings for the child: slow model answers, a short lock expiry, the ledger, plain output.</summary>
    private static Dictionary<string, string> Environment(string? ledger)
    {
        var environment = new Dictionary<string, string>
        {
            ["Mge__Model__Offline__SimulatedLatency"] = "00:00:00.400",
            ["Mge__Engine__QueueVisibilityTimeout"] = "00:00:10",
            ["NO_COLOR"] = "1",
        };
        if (ledger is not null)
        {
            environment["Mge__Diagnostics__PaidCallLedger"] = ledger;
        }

        return environment;
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunToEndAsync(Dictionary<string, string> environment, params string[] args)
    {
        using var process = MgeProcess.Start(temp.Path, environment, args);
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromMinutes(3));
        return (exitCode, process.Stdout, process.Stderr);
    }

    private static List<string> ReadLedger(string path) =>
        File.Exists(path) ? File.ReadAllLines(path).Where(l => l.Length > 0).ToList() : [];

    /// <summary>Same files, and the same code in every Python file (the infrastructure files may name the run).</summary>
    private static void AssertSameCode(string expectedZip, string actualZip)
    {
        using var expected = ZipFile.OpenRead(expectedZip);
        using var actual = ZipFile.OpenRead(actualZip);
        Assert.Equal(expected.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal), actual.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        foreach (var entry in expected.Entries.Where(e => e.FullName.EndsWith(".py", StringComparison.Ordinal)))
        {
            Assert.Equal(Read(entry), Read(actual.GetEntry(entry.FullName)!));
        }
    }

    private static string Read(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    /// <summary>The done count of a "[mm:ss] code generation N/M ..." progress line, or -1 for any other line.</summary>
    private static int CodeGenerationDone(string line)
    {
        const string marker = "] code generation ";
        var at = line.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return -1;
        }

        var rest = line.AsSpan(at + marker.Length);
        var slash = rest.IndexOf('/');
        return slash > 0 && int.TryParse(rest[..slash], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var done) ? done : -1;
    }
}
