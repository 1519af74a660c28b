using Mge.Pipeline.Costs;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Runs;

namespace Mge.Pipeline.Tests.Runs;

public sealed class RunJournalTests
{
    [Fact]
    public async Task Creating_the_same_run_twice_is_idempotent_but_a_different_request_under_the_same_id_is_refused()
    {
        using var host = new PipelineTestHost();
        var journal = host.Get<RunJournal>();
        var request = new GenerationRequest("run-1", SampleAnswers.Request, new GenerationOptions(), DateTimeOffset.UnixEpoch);

        var first = await journal.CreateAsync(request);
        var again = await journal.CreateAsync(request);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => journal.CreateAsync(request with { Request = "Something else" }));

        Assert.Equal(first, again);
        Assert.Contains("already exists", error.Message, StringComparison.Ordinal);
        Assert.Equal(SampleAnswers.Request, (await journal.GetRequestAsync("run-1")).Request);
    }

    [Fact]
    public async Task An_invalid_request_is_refused_before_anything_is_stored()
    {
        using var host = new PipelineTestHost();
        var journal = host.Get<RunJournal>();

        await Assert.ThrowsAsync<ArgumentException>(() => journal.CreateAsync(new GenerationRequest("run-1", " ", new GenerationOptions(), DateTimeOffset.UnixEpoch)));
        Assert.Null(await journal.GetStatusAsync("run-1"));
    }

    [Fact]
    public async Task Status_follows_phases_failure_and_completion()
    {
        using var host = new PipelineTestHost();
        var journal = host.Get<RunJournal>();
        await host.CreateRunAsync(runId: "ok");
        await host.CreateRunAsync(runId: "bad");

        await journal.MarkPhaseAsync("ok", PipelinePhase.CodeGeneration);
        var running = await journal.GetStatusAsync("ok");
        var summary = new GenerationSummary { RunId = "ok", ProjectName = "p", ProjectType = "fastapi", Model = "m", Usage = UsageTotals.Zero, WorkspaceZip = "ok.zip" };
        await journal.CompleteAsync("ok", summary);
        await journal.FailAsync("bad", PipelinePhase.MasterPlan, "The plan has no tasks");
        await journal.MarkPhaseAsync("bad", PipelinePhase.CodeGeneration);

        Assert.Equal((RunStates.Running, PipelinePhase.CodeGeneration), (running!.Status, running.CurrentPhase));
        var completed = await journal.GetStatusAsync("ok");
        Assert.Equal(RunStates.Completed, completed!.Status);
        Assert.Equal(StoredJson.Of(summary), StoredJson.Of(completed.Summary));
        var failed = await journal.GetStatusAsync("bad");
        Assert.Equal((RunStates.Failed, PipelinePhase.MasterPlan, "The plan has no tasks"), (failed!.Status, failed.CurrentPhase, failed.Error));
        var error = Assert.Single(host.Observer.Events, e => e.Type == ProgressEvents.ErrorType);
        Assert.Equal("The plan has no tasks", (string?)error.Data["message"]);
    }
}
