using System.Diagnostics;
using System.Text.Json;
using Mge.Testing;
using Xunit.Abstractions;

namespace Mge.Cli.Tests;

/// <summary>
/// Storage goes away in the middle of a durable run and comes back: Azurite (kept on disk) is stopped while
/// <c>mge generate --storage</c> is generating code, left down for a few seconds and started again on the same
/// ports. The run recovers by itself (activities and the backend retry, the engine replaces its worker once
/// storage answers again) and completes with every row once. Azurite is stopped with SIGTERM, as a service
/// is stopped: killed with SIGKILL it loses writes it had acknowledged (its on-disk store is saved
/// periodically), which no real storage account does.
/// </summary>
[Trait("Category", "Slow")]
public sealed class StorageOutageTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(5);

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task A_storage_restart_mid_run_is_ridden_out_and_the_run_completes()
    {
        await using var azurite = new AzuriteProcess(Path.Combine(temp.Path, "azurite"));
        Directory.CreateDirectory(azurite.DataFolder!);
        await azurite.StartAsync();
        var environment = new Dictionary<string, string>
        {
            ["Mge__Model__Offline__SimulatedLatency"] = "00:00:00.300",
            ["Mge__Engine__QueueVisibilityTimeout"] = "00:00:10",
            ["NO_COLOR"] = "1",
        };

        var clock = Stopwatch.StartNew();
        using var generate = MgeProcess.Start(temp.Path, environment,
            "generate", "Build an Express API for a library with books and authors", "--type", "express",
            "--storage", azurite.ConnectionString, "--out", "out", "--json", "--concurrency", "3");
        var started = await generate.WaitForErrorLineAsync(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^mge generate: run \d{8}-\d{6}-[0-9a-f]{12} "), TimeSpan.FromSeconds(90));
        var runId = started.Split(' ')[3];
        // The first task finished: code generation is under way. Plain progress prints a line per change, and
        // tasks finishing together may skip a count, so any count above zero will do.
        await generate.WaitForErrorLineAsync(l => l.Contains("] code generation ", StringComparison.Ordinal) && !l.Contains("] code generation 0/", StringComparison.Ordinal), TimeSpan.FromSeconds(90));

        await StopGracefullyAsync(azurite);
        var downAt = clock.Elapsed;
        await Task.Delay(Outage);
        Assert.False(generate.HasExited, $"generate gave up while storage was down:\n{generate.Stderr}");
        await azurite.StartAsync();
        var upAt = clock.Elapsed;

        var exitCode = await generate.WaitForExitAsync(TimeSpan.FromMinutes(3));
        var finishedAt = clock.Elapsed;
        Assert.True(exitCode == ExitCodes.Success, generate.Stderr);
        using var summary = JsonDocument.Parse(generate.Stdout);
        Assert.Equal("completed", summary.RootElement.GetProperty("status").GetString());
        Assert.Equal(runId, summary.RootElement.GetProperty("run_id").GetString());
        Assert.True(File.Exists(summary.RootElement.GetProperty("zip_path").GetString()));

        var stored = await StoredRun.ReadAsync(azurite.ConnectionString, runId);
        stored.AssertNothingDuplicatedOrLost();
        Assert.Equal(stored.Calls.Count, summary.RootElement.GetProperty("usage").GetProperty("calls").GetInt32());
        Assert.Equal(stored.Atoms.Count, summary.RootElement.GetProperty("atoms").GetInt32());

        output.WriteLine(string.Join('\n', generate.Stderr.Split('\n').Where(l => l.Contains("Storage was unreachable", StringComparison.Ordinal) || l.Contains("code generation", StringComparison.Ordinal))));
        output.WriteLine($"storage down at {downAt.TotalSeconds:0.0} s for {(upAt - downAt).TotalSeconds:0.0} s; run completed at {finishedAt.TotalSeconds:0.0} s ({stored.Calls.Count} calls, {stored.Atoms.Count} atoms)");
    }

    /// <summary>
    /// SIGTERM to the Azurite this test started (found by its own table port), so it saves its store and
    /// closes; then the fixture's stop only cleans up.
    /// </summary>
    private static async Task StopGracefullyAsync(AzuriteProcess azurite)
    {
        var marker = $"--tablePort {azurite.TablePort}";
        var pid = Directory.EnumerateDirectories("/proc")
            .Select(d => (Id: int.TryParse(Path.GetFileName(d), out var id) ? id : 0, Dir: d))
            .Where(p => p.Id > 0)
            .FirstOrDefault(p =>
            {
                try
                {
                    var commandLine = File.ReadAllText(Path.Combine(p.Dir, "cmdline")).Replace('\0', ' ');
                    return commandLine.Contains("azurite", StringComparison.Ordinal) && commandLine.Contains(marker, StringComparison.Ordinal);
                }
                catch (IOException)
                {
                    return false;
                }
                catch (UnauthorizedAccessException)
                {
                    return false;
                }
            }).Id;
        Assert.True(pid > 0, $"the Azurite process with {marker} was not found");
        using (var kill = Process.Start("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (Directory.Exists($"/proc/{pid}") && !limit.IsCancellationRequested)
        {
            await Task.Delay(100);
        }

        await azurite.StopAsync();
    }
}
