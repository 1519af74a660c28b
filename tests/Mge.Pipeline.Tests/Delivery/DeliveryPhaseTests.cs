using System.IO.Compression;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;
using Mge.Pipeline.Tests.Atomization;

namespace Mge.Pipeline.Tests.Delivery;

public sealed class DeliveryPhaseTests
{
    private const string Run = PhaseHarness.RunId;

    [Fact]
    public async Task Packaging_zips_the_workspace_rolls_up_costs_completes_the_run_and_publishes_complete()
    {
        var harness = new PhaseHarness();
        await harness.SeedAsync(
            (1, [("app/service.py", "def base():\n    return 1\n\ndef total():\n    return undefined_x()\n")]),
            (2, [("../../etc/passwd", "root\n"), ("app/main.py", "x = 1\n")]));
        harness.Answer("```python\ndef total():\n    return base()\n```");
        await harness.Atomization.AtomizeAsync(Run, [1, 2]);
        var outline = await harness.WavePlanning.PlanAsync(Run, 50);
        for (var wave = 1; wave <= outline.AtomsPerWave.Count; wave++)
        {
            await harness.WaveExecution.ExecuteBatchAsync(Run, wave, 0, 100);
        }

        await harness.FileWriting.WriteAsync(Run);
        await harness.Infrastructure.GenerateAsync(Run);
        var timings = new PhaseTimings(new Dictionary<string, double> { ["discovery"] = 1.5, ["delivery"] = 0.5 }, 12.25);

        var summary = await harness.Delivery.PackageAsync(Run, timings);

        // The zip: every workspace file, nothing outside it.
        var zip = await harness.Repository.Blobs.GetAsync(StorageNames.WorkspacesContainer, $"{Run}.zip");
        Assert.NotNull(zip);
        using var archive = new ZipArchive(new MemoryStream(zip!));
        var entries = archive.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("app/service.py", entries);
        Assert.Contains("Dockerfile", entries);
        Assert.DoesNotContain(entries, e => e.Contains("passwd"));
        Assert.Equal(entries.Count, summary.Files);

        // Costs: the one atom repair call is the run's only call ("../../etc/passwd" sorts first: service.py is file 2).
        var call = await harness.Repository.GetCallAsync(Run, "atom-0002-00001-a1");
        Assert.NotNull(call);
        Assert.Equal(call!.Usage.TotalTokens, summary.Usage.TotalTokens);
        var plan = await harness.Repository.GetMasterPlanAsync(Run);
        Assert.Equal(summary.Usage.CostUsd, plan!.GenerationCostUsd);
        Assert.Equal(120, plan.LlmTokensTotal);

        Assert.Equal("test-model", summary.Model);
        Assert.Equal(2, summary.Tasks);
        Assert.Equal(summary.AtomsPassed + summary.AtomsRepaired + summary.AtomsFailed, summary.Atoms);
        // The refused file still was an atom: it cannot be checked (no language service), so it counts as failed.
        Assert.Equal((4, 2, 1, 1), (summary.Atoms, summary.AtomsPassed, summary.AtomsRepaired, summary.AtomsFailed));
        Assert.Equal(0.75, summary.Precision);
        Assert.Contains(summary.PathsRejected, p => p.Contains("../../etc/passwd"));
        Assert.Equal(["types"], summary.ChecksSkipped);
        Assert.Equal(12.25, summary.TotalSeconds);
        Assert.Equal($"{Run}.zip", summary.WorkspaceZip);

        var status = await harness.Journal.GetStatusAsync(Run);
        Assert.Equal(RunStates.Completed, status!.Status);
        Assert.Equal((summary.Atoms, summary.Precision, summary.WorkspaceZip), (status.Summary!.Atoms, status.Summary.Precision, status.Summary.WorkspaceZip));

        var complete = Assert.Single(await harness.EventsAsync(ProgressEvents.CompleteType));
        Assert.Equal(summary.Atoms, complete.Data["total_atoms"]!.GetValue<int>());
        Assert.Equal(summary.Waves, complete.Data["total_waves"]!.GetValue<int>());
        Assert.Equal(0.75, complete.Data["precision"]!.GetValue<double>());
        Assert.Equal($"{Run}.zip", complete.Data["workspace_path"]!.GetValue<string>());
    }

    [Fact]
    public async Task Packaging_twice_gives_the_same_zip_and_summary()
    {
        var harness = new PhaseHarness();
        await harness.SeedAsync((1, [("app/main.py", "x = 1\n")]));
        await harness.Atomization.AtomizeAsync(Run, [1]);
        await harness.WavePlanning.PlanAsync(Run, 50);
        await harness.WaveExecution.ExecuteBatchAsync(Run, 1, 0, 10);
        await harness.FileWriting.WriteAsync(Run);
        var timings = new PhaseTimings(new Dictionary<string, double>(), 1);

        var first = await harness.Delivery.PackageAsync(Run, timings);
        var zip1 = await harness.Repository.Blobs.GetAsync(StorageNames.WorkspacesContainer, $"{Run}.zip");
        var second = await harness.Delivery.PackageAsync(Run, timings);
        var zip2 = await harness.Repository.Blobs.GetAsync(StorageNames.WorkspacesContainer, $"{Run}.zip");

        Assert.Equal(zip1, zip2);
        Assert.Equal(first with { PhaseSeconds = second.PhaseSeconds, PathsConfined = second.PathsConfined, PathsRejected = second.PathsRejected, ChecksSkipped = second.ChecksSkipped, PhaseCosts = second.PhaseCosts }, second);
        Assert.Equal(first.PhaseCosts, second.PhaseCosts);
        Assert.Equal("none", first.Model);
        Assert.Equal(0m, first.Usage.CostUsd);
    }
}
