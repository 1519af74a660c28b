using Mge.Pipeline.Planning;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Prompting;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;
using Mge.Pipeline.Tests.Runs;

namespace Mge.Pipeline.Tests.Planning;

public sealed class MasterPlanPhaseTests
{
    [Fact]
    public async Task Stores_a_cleaned_plan_and_one_task_record_per_task_and_returns_the_task_graph()
    {
        using var host = new PipelineTestHost();
        var runId = await host.PlannedRunAsync();
        var repository = host.Get<RunRepository>();

        var plan = await repository.GetMasterPlanAsync(runId);
        var tasks = await repository.ListTasksAsync(runId);

        Assert.Equal((2, 2, 3), (plan!.TotalPhases, plan.TotalMilestones, plan.TotalTasks));
        Assert.Equal([1, 2, 3], tasks.Select(t => t.Number));
        Assert.Equal([1], tasks[1].DependsOn);
        Assert.Equal([1, 2], tasks[2].DependsOn);
        Assert.Equal(["app/main.py"], tasks[2].TargetFiles);
        Assert.All(tasks, t => Assert.Equal(TaskStates.Planned, t.Status));
        Assert.Contains(plan.Notes, n => n.Contains("dropped depends_on 5 (no such task)", StringComparison.Ordinal));
        Assert.Contains(plan.Notes, n => n.Contains("dropped depends_on 3 (a task may only depend on lower numbers)", StringComparison.Ordinal));
        Assert.Contains(plan.Notes, n => n.Contains("dropped target file '../evil.py'", StringComparison.Ordinal));

        // Discovery + planning, both 1,000 in / 500 out on gpt-4o-mini.
        Assert.Equal(2 * (1_000 * 0.15m + 500 * 0.60m) / 1_000_000m, plan.GenerationCostUsd);
        Assert.Equal(3_000, plan.LlmTokensTotal);
        var complete = host.Observer.Events.Single(e => e.Type == ProgressEvents.MasterPlanGenerationCompleteType);
        Assert.Equal(3, (int)complete.Data["total_tasks"]!);
        Assert.Equal(3, host.Observer.Events.Count(e => e.Type == ProgressEvents.MasterPlanEntityDiscoveredType && (string?)e.Data["entity_type"] == "task"));
    }

    [Fact]
    public async Task Repeated_task_numbers_are_fed_back_for_another_attempt()
    {
        using var host = new PipelineTestHost();
        var runId = await host.CreateRunAsync();
        host.Answer(ModelRole.Discovery, SampleAnswers.Discovery);
        await host.Get<Mge.Pipeline.Discovery.DiscoveryPhase>().RunAsync(runId);
        host.Answer(ModelRole.Planning, """{"project_name":"p","project_type":"fastapi","phases":[{"name":"A","milestones":[{"name":"M","tasks":[{"number":1,"name":"a"},{"number":1,"name":"b"}]}]}]}""");
        host.Answer(ModelRole.Planning, SampleAnswers.Plan);

        var outline = await host.Get<MasterPlanPhase>().RunAsync(runId);

        Assert.Equal([1, 2, 3], outline.Tasks.Select(t => t.Number));
        Assert.Equal(2, outline.Usage.Calls);
        Assert.Contains("repeated: 1", host.Calls[^1].Messages[^1].Text, StringComparison.Ordinal);
        Assert.Equal("masterplan-a2", (await host.Get<RunRepository>().ListCallsAsync(runId, "masterplan")).Last().Key);
    }

    [Fact]
    public async Task A_plan_without_tasks_fails_after_the_retries()
    {
        using var host = new PipelineTestHost();
        var runId = await host.CreateRunAsync();
        host.Answer(ModelRole.Discovery, SampleAnswers.Discovery);
        await host.Get<Mge.Pipeline.Discovery.DiscoveryPhase>().RunAsync(runId);
        for (var i = 0; i < 3; i++)
        {
            host.Answer(ModelRole.Planning, """{"project_name":"p","project_type":"fastapi","phases":[]}""");
        }

        var error = await Assert.ThrowsAsync<PhaseFailedException>(() => host.Get<MasterPlanPhase>().RunAsync(runId));

        Assert.Equal(PipelinePhase.MasterPlan, error.Phase);
        Assert.Contains("the plan has no tasks", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Running_the_phase_again_after_code_generation_keeps_the_generated_tasks()
    {
        using var host = new PipelineTestHost();
        var runId = await host.PlannedRunAsync();
        var repository = host.Get<RunRepository>();
        var task = await repository.GetTaskAsync(runId, 1);
        await repository.SaveTaskAsync(runId, task! with { Status = TaskStates.Generated, LlmCostUsd = 0.5m });

        await host.Get<MasterPlanPhase>().RunAsync(runId);

        var again = await repository.GetTaskAsync(runId, 1);
        Assert.Equal((TaskStates.Generated, 0.5m), (again!.Status, again.LlmCostUsd));
        Assert.Equal(2, host.Calls.Count);
    }
}
