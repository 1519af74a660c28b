using System.Diagnostics;
using Xunit.Abstractions;

namespace Mge.Sandbox.Tests;

/// <summary>The figures the README and reports quote: what bubblewrap costs per step, and what a smoke takes.</summary>
[Collection(SerialCollection.Name)]
public sealed class MeasurementTests(ITestOutputHelper output)
{
    private const int Runs = 10;

    [Fact]
    [Trait("Category", "Slow")]
    public async Task What_bubblewrap_costs_per_step()
    {
        using var workspace = new TestWorkspace();
        var isolated = Steps.Isolated();
        var plain = Steps.NotIsolated();
        var step = Steps.Test(workspace, ["/bin/true"]);
        await isolated.RunAsync(step);
        await plain.RunAsync(step);

        var isolatedTime = await TimeAsync(isolated, step);
        var plainTime = await TimeAsync(plain, step);

        output.WriteLine($"/bin/true per step: bubblewrap {isolatedTime.TotalMilliseconds:0} ms, plain child {plainTime.TotalMilliseconds:0} ms, overhead {(isolatedTime - plainTime).TotalMilliseconds:0} ms (mean of {Runs})");
        Assert.True(isolatedTime < TimeSpan.FromSeconds(1), $"a bubblewrap step took {isolatedTime}");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task What_starting_and_probing_a_tiny_app_takes()
    {
        using var workspace = new TestWorkspace();
        workspace.Write("server.js", SmokeTests.Server);
        var sandbox = Steps.Isolated();
        var step = SmokeTests.Step(workspace, ["node", "server.js"], paths: ["/health", "/tasks"]);
        await sandbox.SmokeAsync(step);

        var clock = Stopwatch.StartNew();
        var result = await sandbox.SmokeAsync(step);
        var elapsed = clock.Elapsed;

        output.WriteLine($"smoke of a tiny node server with 2 probes: {elapsed.TotalMilliseconds:0} ms in all, listening after {result.TimeToListen?.TotalMilliseconds:0} ms");
        Assert.True(result.Succeeded, result.App.Output);
        Assert.True(elapsed < TimeSpan.FromSeconds(15), $"the smoke took {elapsed}");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task What_draining_100_MB_of_output_takes()
    {
        using var workspace = new TestWorkspace();
        var sandbox = Steps.Isolated();
        var step = Steps.Shell(workspace, "head -c 100000000 /dev/zero");
        await sandbox.RunAsync(Steps.Shell(workspace, "true"));
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var result = await sandbox.RunAsync(step);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        output.WriteLine($"100 MB of output through a 64 KB cap: {result.Duration.TotalMilliseconds:0} ms, {allocated / 1024.0 / 1024.0:0.0} MB allocated, {result.BytesDropped:N0} bytes dropped");
        Assert.Equal(100_000_000 - (64 * 1024), result.BytesDropped);
    }

    private static async Task<TimeSpan> TimeAsync(LocalSandbox sandbox, Mge.Pipeline.Verification.SandboxStep step)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Runs; i++)
        {
            var result = await sandbox.RunAsync(step);
            Assert.Equal(0, result.ExitCode);
        }

        return clock.Elapsed / Runs;
    }
}
