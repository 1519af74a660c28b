using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Mge.Pipeline.Costs;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Prompting;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;
using Mge.Pipeline.Tests.Runs;
using Moq;

namespace Mge.Pipeline.Tests.Costs;

public sealed class BudgetTests
{
    private static readonly IReadOnlyList<ChatMessage> Messages =
    [
        new(ChatRole.System, "system"),
        new(ChatRole.User, "```json mge-context\n{\"role\":\"chat\"}\n```"),
    ];

    // gpt-4o: 1000 in + 100 out = 0.0035 USD per answered call; the check estimates 1500 output tokens (0.015 USD) plus the prompt.
    private const decimal CallCost = 0.0035m;

    [Fact]
    public async Task A_call_that_would_pass_the_cap_is_not_made_and_says_what_was_spent_and_the_cap()
    {
        using var host = new PipelineTestHost();
        await host.CreateRunAsync(options: new GenerationOptions { BudgetUsd = 0.018m });
        host.Answer(ModelRole.Chat, "one", 1_000, 100, model: "gpt-4o");
        var gateway = host.Get<ModelGateway>();
        await gateway.CompleteAsync("run-1", "chat-1", ModelRole.Chat, Messages, new ChatOptions { ModelId = "gpt-4o" });

        var error = await Assert.ThrowsAsync<BudgetExceededException>(() =>
            gateway.CompleteAsync("run-1", "chat-2", ModelRole.Chat, Messages, new ChatOptions { ModelId = "gpt-4o" }));

        Assert.Equal(("run-1", "chat-2", CallCost, 0.018m), (error.RunId, error.CallKey, error.SpentUsd, error.CapUsd));
        Assert.True(error.EstimatedCallUsd >= 0.015m);
        Assert.Contains("Budget exceeded", error.Message, StringComparison.Ordinal);
        Assert.Single(host.Calls);
        Assert.Single(await host.Get<RunRepository>().ListCallsAsync("run-1"));
    }

    [Fact]
    public async Task Journaled_calls_are_answered_even_over_the_cap_because_they_cost_nothing_again()
    {
        using var host = new PipelineTestHost();
        await host.CreateRunAsync(options: new GenerationOptions { BudgetUsd = 0.02m });
        host.Answer(ModelRole.Chat, "one", 1_000, 100, model: "gpt-4o");
        var gateway = host.Get<ModelGateway>();
        await gateway.CompleteAsync("run-1", "chat-1", ModelRole.Chat, Messages);
        var run = (await host.Get<RunRepository>().GetRunAsync("run-1"))!;
        await host.Get<RunRepository>().SaveRunAsync(run with { Options = run.Options with { BudgetUsd = 0.001m } });

        var again = await gateway.CompleteAsync("run-1", "chat-1", ModelRole.Chat, Messages);

        Assert.True(again.FromJournal);
        Assert.Single(host.Calls);
    }

    [Theory]
    [InlineData(null, 0.001, true)]
    [InlineData(null, 0, false)]
    [InlineData(0.0, 0.001, false)]
    [InlineData(0.001, 5, true)]
    public async Task The_runs_own_cap_overrides_the_pipeline_default_and_zero_means_none(double? runCap, double defaultCap, bool refused)
    {
        using var host = new PipelineTestHost(services => services.Configure<PipelineOptions>(o => o.RunCapUsd = (decimal)defaultCap));
        await host.CreateRunAsync(options: new GenerationOptions { BudgetUsd = (decimal?)runCap });
        host.Answer(ModelRole.Chat, "one", 1_000, 100, model: "gpt-4o");

        var call = () => host.Get<ModelGateway>().CompleteAsync("run-1", "chat-1", ModelRole.Chat, Messages, new ChatOptions { ModelId = "gpt-4o" });

        if (refused)
        {
            await Assert.ThrowsAsync<BudgetExceededException>(call);
        }
        else
        {
            Assert.Equal("one", (await call()).Text);
        }
    }

    [Fact]
    public async Task The_default_cap_is_five_dollars()
    {
        using var host = new PipelineTestHost();

        Assert.Equal(5m, host.Get<Microsoft.Extensions.Options.IOptions<PipelineOptions>>().Value.RunCapUsd);
        Assert.Null(new GenerationOptions().BudgetUsd);
        Assert.Equal(5m, await new RunBudget(host.Get<RunRepository>(), host.Get<CostCalculator>(), new PipelineOptions()).CapOfAsync("no-such-run"));
    }

    [Fact]
    public async Task Stopping_for_budget_records_the_status_a_partial_summary_and_an_error_event_with_spent_and_cap()
    {
        using var host = new PipelineTestHost();
        var runId = await host.PlannedRunAsync();
        var run = (await host.Get<RunRepository>().GetRunAsync(runId))!;
        await host.Get<RunRepository>().SaveRunAsync(run with { Options = run.Options with { BudgetUsd = 0.5m } });
        var timings = new PhaseTimings(new Dictionary<string, double> { ["Discovery"] = 1, ["MasterPlan"] = 2 }, 3.5);

        var summary = await host.Get<BudgetStop>().StopAsync(runId, PipelinePhase.CodeGeneration, "Budget exceeded: ...", timings);

        Assert.Equal((RunStates.BudgetExceeded, 0.5m, "task-api", "fastapi", ""), (summary.Status, summary.BudgetCapUsd, summary.ProjectName, summary.ProjectType, summary.WorkspaceZip));
        Assert.Equal(2, summary.Usage.Calls);
        Assert.Equal(["Discovery", "MasterPlan"], summary.PhaseCosts.Keys);
        Assert.Equal(summary.Usage.CostUsd, summary.PhaseCosts.Values.Sum(u => u.CostUsd));
        Assert.Equal(3.5, summary.TotalSeconds);
        var status = await host.Get<RunJournal>().GetStatusAsync(runId);
        Assert.Equal((RunStates.BudgetExceeded, PipelinePhase.CodeGeneration, "Budget exceeded: ..."), (status!.Status, status.CurrentPhase, status.Error));
        Assert.Equal((summary.Status, summary.Usage, summary.BudgetCapUsd), (status.Summary!.Status, status.Summary.Usage, status.Summary.BudgetCapUsd));
        var error = host.Observer.Events.Single(e => e.Type == ProgressEvents.ErrorType);
        Assert.Equal(("budget_exceeded", "code_generation", summary.Usage.CostUsd, 0.5m),
            ((string)error.Data["code"]!, (string)error.Data["phase"]!, (decimal)error.Data["spent_usd"]!, (decimal)error.Data["cap_usd"]!));
        Assert.Equal(summary.Usage.CostUsd, (await host.Get<RunRepository>().GetMasterPlanAsync(runId))!.GenerationCostUsd);
    }

    [Fact]
    public async Task Resuming_takes_a_cap_above_what_was_spent_and_reopens_the_run()
    {
        using var host = new PipelineTestHost();
        var runId = await host.PlannedRunAsync();
        var journal = host.Get<RunJournal>();
        await Assert.ThrowsAsync<InvalidOperationException>(() => journal.ResumeAsync(runId, 10m));
        await host.Get<BudgetStop>().StopAsync(runId, PipelinePhase.CodeGeneration, "Budget exceeded", new PhaseTimings(new Dictionary<string, double>(), 1));
        var spent = (await host.Get<RunRepository>().SumCallsAsync(runId)).CostUsd;

        var tooLow = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => journal.ResumeAsync(runId, spent));
        Assert.Contains("has already spent", tooLow.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => journal.ResumeAsync(runId, -1m));
        var resumed = await journal.ResumeAsync(runId, spent + 1m);

        Assert.Equal((RunStates.Running, spent + 1m, 1, (string?)null), (resumed.Status, resumed.Options.BudgetUsd, resumed.Resumes, resumed.Error));
        Assert.Equal(RunStates.Running, (await journal.GetStatusAsync(runId))!.Status);
        Assert.Null((await journal.GetStatusAsync(runId))!.Summary);
    }

    [Fact]
    public async Task A_run_resumed_with_a_higher_cap_pays_only_the_calls_it_had_not_made()
    {
        using var host = new PipelineTestHost();
        var runId = await host.CreateRunAsync(options: new GenerationOptions { BudgetUsd = 0.0001m });
        host.Answer(ModelRole.Discovery, SampleAnswers.Discovery);
        var phase = host.Get<Mge.Pipeline.Discovery.DiscoveryPhase>();
        await Assert.ThrowsAsync<BudgetExceededException>(() => phase.RunAsync(runId));
        Assert.Empty(host.Calls);
        await host.Get<BudgetStop>().StopAsync(runId, PipelinePhase.Discovery, "Budget exceeded", new PhaseTimings(new Dictionary<string, double>(), 0));

        await host.Get<RunJournal>().ResumeAsync(runId, 1m);
        var outcome = await phase.RunAsync(runId);
        var again = await phase.RunAsync(runId);

        Assert.Equal(3, outcome.Entities);
        Assert.Equal(outcome, again);
        Assert.Single(host.Calls);
        host.Chat.Verify(c => c.GetStreamingResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()), Times.Once);
    }
}
