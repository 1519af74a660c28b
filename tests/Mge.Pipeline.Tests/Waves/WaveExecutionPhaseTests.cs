using Mge.Pipeline.Progress;
using Mge.Pipeline.Prompting;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;
using Mge.Pipeline.Tests.Atomization;
using Mge.Pipeline.Waves;
using Microsoft.Extensions.AI;
using Moq;

namespace Mge.Pipeline.Tests.Waves;

public sealed class WaveExecutionPhaseTests
{
    private const string Run = PhaseHarness.RunId;
    private const string Service = "def base():\n    return 1\n\ndef total():\n    return undefined_helper() + base()\n";
    private const string Repaired = "```python\ndef total():\n    return base() + 1\n```";

    private static async Task<PhaseHarness> PlannedAsync(int maxAtomRepairAttempts, params (string Path, string Text)[] files)
    {
        var harness = new PhaseHarness(maxAtomRepairAttempts: maxAtomRepairAttempts);
        await harness.SeedAsync((1, files));
        await harness.Atomization.AtomizeAsync(Run, [1]);
        await harness.WavePlanning.PlanAsync(Run, maxWaveSize: 50);
        return harness;
    }

    private static async Task<List<WaveBatchOutcome>> ExecuteAllAsync(PhaseHarness harness, int batchSize = 25)
    {
        var plan = await new WavePlanStore(harness.Repository).RequireAsync(Run);
        var outcomes = new List<WaveBatchOutcome>();
        for (var wave = 1; wave <= plan.WaveCount; wave++)
        {
            for (var batch = 0; batch * batchSize < plan.AtomsPerWave[wave - 1]; batch++)
            {
                outcomes.Add(await harness.WaveExecution.ExecuteBatchAsync(Run, wave, batch, batchSize));
            }

            await harness.WaveExecution.CompleteWaveAsync(Run, wave);
        }

        return outcomes;
    }

    [Fact]
    public async Task Planning_puts_definitions_before_their_uses_and_stores_each_atoms_wave()
    {
        var harness = await PlannedAsync(2, ("app/service.py", "def total():\n    return helper()\n\ndef helper():\n    return 1\n"));

        var atoms = await harness.Repository.ListAtomsAsync(Run);
        var total = atoms.Single(a => a.Defines.Contains("total"));
        var helper = atoms.Single(a => a.Defines.Contains("helper"));
        Assert.True(helper.Wave < total.Wave, $"helper in wave {helper.Wave}, total in wave {total.Wave}");

        var plan = await new WavePlanStore(harness.Repository).RequireAsync(Run);
        Assert.Contains(helper.RowKey, plan.Waves[helper.Wave - 1]);
        Assert.Empty(plan.Cycles);
        Assert.Single(await harness.EventsAsync(WavePlanningPhase.WavePlanningCompleteType));
    }

    [Fact]
    public async Task A_cycle_is_reported_and_its_members_accept_each_others_names()
    {
        var harness = await PlannedAsync(2, ("app/ping.py", "def ping():\n    return pong()\n\ndef pong():\n    return ping()\n"));

        var plan = await new WavePlanStore(harness.Repository).RequireAsync(Run);
        var cycle = Assert.Single(plan.Cycles);
        Assert.Equal(["0000-00000", "0000-00001"], cycle.Atoms.Order());
        Assert.NotEmpty(cycle.BrokenEdges);
        var planned = Assert.Single(await harness.EventsAsync(WavePlanningPhase.WavePlanningCompleteType));
        Assert.Single(planned.Data["cycles"]!.AsArray());

        var outcomes = await ExecuteAllAsync(harness);
        Assert.Equal(2, outcomes.Sum(o => o.Passed));
        harness.Chat.Verify(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_failing_atom_is_repaired_by_the_model_and_its_code_replaced()
    {
        var harness = await PlannedAsync(2, ("app/service.py", Service));
        harness.Answer(Repaired);

        var outcomes = await ExecuteAllAsync(harness);

        Assert.Equal(1, outcomes.Sum(o => o.Repaired));
        Assert.Equal(1, outcomes.Sum(o => o.Passed));
        var atom = await harness.Repository.GetAtomAsync(Run, "0000-00001");
        Assert.Equal(AtomStates.Repaired, atom!.Status);
        Assert.Equal("def total():\n    return base() + 1\n", atom.Code);
        Assert.Equal("def total():\n    return undefined_helper() + base()\n", atom.OriginalCode);
        Assert.Equal(1, atom.Attempts);

        var call = await harness.Repository.GetCallAsync(Run, "atom-0000-00001-a1");
        Assert.NotNull(call);
        Assert.Equal(ModelRole.Repair, call!.Role);

        // The prompt carries the failing code, the error and the code the atom depends on.
        var prompt = string.Join("\n", harness.Prompts.Single().Select(m => m.Text));
        Assert.Contains("undefined_helper", prompt);
        Assert.Contains("undefined name", prompt);
        Assert.Contains("def base():", prompt);

        var result = Assert.Single(await harness.Repository.ListResultsAsync(Run, atom.Wave));
        Assert.Equal(AtomStates.Repaired, result.Status);
        Assert.Equal(1.0, await harness.WaveExecution.CompleteAsync(Run));
    }

    [Fact]
    public async Task Executing_a_batch_again_reuses_the_results_without_calling_the_model()
    {
        var harness = await PlannedAsync(2, ("app/service.py", Service));
        harness.Answer(Repaired);
        var atom = await harness.Repository.GetAtomAsync(Run, "0000-00001");

        var first = await harness.WaveExecution.ExecuteBatchAsync(Run, atom!.Wave, 0, 25);
        var rowsAfterFirst = await harness.Repository.ListResultsAsync(Run);
        var second = await harness.WaveExecution.ExecuteBatchAsync(Run, atom.Wave, 0, 25);
        var rowsAfterSecond = await harness.Repository.ListResultsAsync(Run);

        Assert.Equal((first.Passed, first.Repaired, first.Failed), (second.Passed, second.Repaired, second.Failed));
        Assert.Equal(rowsAfterFirst, rowsAfterSecond);
        harness.Chat.Verify(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(0m, second.Usage.CostUsd);
        Assert.Equal(0, second.Usage.Calls);
    }

    [Fact]
    public async Task An_atom_still_failing_after_every_attempt_is_recorded_failed_with_its_original_code()
    {
        var harness = await PlannedAsync(2, ("app/service.py", Service));
        harness.Answer("```python\ndef total():\n    return undefined_other()\n```");
        harness.Answer("No code here, sorry.");

        await ExecuteAllAsync(harness);

        var atom = await harness.Repository.GetAtomAsync(Run, "0000-00001");
        Assert.Equal(AtomStates.Failed, atom!.Status);
        Assert.Equal(2, atom.Attempts);
        Assert.Equal("def total():\n    return undefined_helper() + base()\n", atom.Code);
        Assert.Contains("no code block", atom.Error);
        Assert.NotNull(await harness.Repository.GetCallAsync(Run, "atom-0000-00001-a2"));
        Assert.Equal(0.5, await harness.WaveExecution.CompleteAsync(Run));

        var complete = Assert.Single(await harness.EventsAsync(ProgressEvents.ExecutionCompleteType));
        Assert.Equal(1, complete.Data["atoms_failed"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_whole_file_atom_that_does_not_parse_is_repaired_and_an_unchecked_file_fails_without_a_call()
    {
        var harness = await PlannedAsync(2, ("app/broken.py", "def broken(:\n    return 1\n"), ("NOTES.md", "# notes\n"));
        harness.Answer("```python\n# path: app/broken.py\ndef broken():\n    return 1\n```");

        var outcomes = await ExecuteAllAsync(harness);

        Assert.Equal(1, outcomes.Sum(o => o.Repaired));
        Assert.Equal(1, outcomes.Sum(o => o.Failed));
        var notes = (await harness.Repository.ListAtomsAsync(Run)).Single(a => a.FilePath == "NOTES.md");
        Assert.Equal(AtomStates.Failed, notes.Status);
        Assert.Contains("no language service", notes.Error);
        Assert.Equal(0, notes.Attempts);
        var broken = (await harness.Repository.ListAtomsAsync(Run)).Single(a => a.FilePath == "app/broken.py");
        Assert.Equal("def broken():\n    return 1\n", broken.Code);
    }

    [Fact]
    public async Task Batches_slice_the_wave_in_row_key_order_and_the_wave_completes_from_stored_results()
    {
        var harness = await PlannedAsync(2, ("app/a.py", "a = 1\n"), ("app/b.py", "b = 2\n"), ("app/c.py", "c = 3\n"));

        var b0 = await harness.WaveExecution.ExecuteBatchAsync(Run, 1, 0, 2);
        var b1 = await harness.WaveExecution.ExecuteBatchAsync(Run, 1, 1, 2);
        var b2 = await harness.WaveExecution.ExecuteBatchAsync(Run, 1, 2, 2);
        var wave = await harness.WaveExecution.CompleteWaveAsync(Run, 1);

        Assert.Equal((2, 1, 0), (b0.Total, b1.Total, b2.Total));
        Assert.Equal(["0000-00000", "0001-00000", "0002-00000"], (await harness.Repository.ListResultsAsync(Run, 1)).Select(r => r.Atom));
        Assert.Equal((-1, 3), (wave.Batch, wave.Passed));
        var start = Assert.Single(await harness.EventsAsync(ProgressEvents.ExecutionWaveStartType));
        Assert.Equal(3, start.Data["atoms_in_wave"]!.GetValue<int>());
        var complete = Assert.Single(await harness.EventsAsync(ProgressEvents.ExecutionWaveCompleteType));
        Assert.Equal(3, complete.Data["atoms_succeeded"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("def f():\n    pass", "def f():\n    x\n", "def f():\n    pass\n")]
    [InlineData("def f():\n    pass\n", "def f():\n    x", "def f():\n    pass")]
    [InlineData("x = 1\r\n", "x = 0\n", "x = 1\n")]
    public void Repaired_code_ends_with_a_newline_exactly_when_the_original_did(string repaired, string original, string expected)
    {
        Assert.Equal(expected, WaveExecutionPhase.FitLineEnding(repaired, original));
    }
}
