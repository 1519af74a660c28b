using System.Diagnostics;
using Mge.Pipeline.Verification;

namespace Mge.Sandbox.Tests;

/// <summary>Steps that try to exhaust the machine: output without end, processes without end.</summary>
[Collection(SerialCollection.Name)]
public sealed class ResourceLimitTests
{
    private const long HundredMegabytes = 100L * 1000 * 1000;

    [Fact]
    public async Task A_command_printing_100_MB_is_capped_keeps_memory_small_and_finishes()
    {
        using var workspace = new TestWorkspace();
        const int cap = 64 * 1024;
        // 100 MB on stdout plus a closing line on each stream: the tail keeps the end of the output.
        var step = Steps.Test(workspace, ["/bin/sh", "-c", $"head -c {HundredMegabytes} /dev/zero | tr '\\0' 'x'; echo; echo stdout-end; echo stderr-end >&2"], outputCap: cap);
        var sandbox = Steps.Isolated();
        await sandbox.RunAsync(Steps.Shell(workspace, "true"));
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var result = await sandbox.RunAsync(step);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Steps.AssertIsolated(result);
        Assert.Equal(0, result.ExitCode);
        Assert.True(result.OutputTruncated);
        var total = HundredMegabytes + "\nstdout-end\nstderr-end\n".Length;
        Assert.Equal(total - cap, result.BytesDropped);
        Assert.StartsWith(new string('x', 1000), result.Output);
        Assert.Contains($"[... {total - cap} bytes of output dropped ...]", result.Output);
        Assert.EndsWith("stderr-end\n", result.Output);
        Assert.Contains("stdout-end\n", result.Output);
        // 100 MB went through; what we allocated is a small multiple of the cap (buffers, the text), not the output.
        Assert.True(allocated < 8 * 1024 * 1024, $"allocated {allocated:N0} bytes while draining 100 MB");
    }

    [Fact]
    public async Task A_fork_bomb_is_capped_cut_off_at_its_limit_and_leaves_nothing_behind()
    {
        using var workspace = new TestWorkspace();
        var marker = $"mge-bomb-{Guid.NewGuid():N}";
        const int maxProcesses = 64;
        var step = Steps.Test(workspace, ["/bin/bash", "-c", "bomb() { bomb | bomb & }; bomb; while :; do sleep 1; done", marker], TimeSpan.FromSeconds(2));
        using var sampling = new CancellationTokenSource();
        var peak = 0;
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, LeftoverProcesses.Find(marker).Count);
                await Task.Delay(50);
            }
        });

        var result = await Steps.Isolated(maxProcesses).RunAsync(step);
        await sampling.CancelAsync();
        await sampler;

        Steps.AssertIsolated(result);
        Assert.EndsWith($"at most {maxProcesses} processes", result.Isolation.Description);
        Assert.True(result.TimedOut);
        Assert.InRange(peak, 2, maxProcesses);
        Assert.Empty(LeftoverProcesses.Find(marker));

        // The machine recovered: a new step starts and ends at once.
        var clock = Stopwatch.StartNew();
        var after = await Steps.Isolated().RunAsync(Steps.Shell(workspace, "echo recovered"));
        Assert.Equal("recovered\n", after.Output);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"a trivial step took {clock.Elapsed} after the fork bomb");
    }
}
