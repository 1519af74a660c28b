using Mge.Engine;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace Mge.Workflow.Tests.Orchestration;

public sealed class GenerationOrchestratorTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static readonly string[] PhaseOrder =
    [
        "Discovery", "MasterPlan", "CodeGeneration", "Validation", "Atomization", "WavePlanning", "WaveExecution", "FileWriting", "Infrastructure",
        "Verification",
    ];

    [Fact]
    public async Task Runs_every_phase_in_order_and_returns_the_delivery_summary()
    {
        var script = new ScriptedPipeline { Plan = Plans.Of(Plans.Task(1), Plans.Task(2, 1), Plans.Task(3, 1), Plans.Task(4, 2, 3)) };

        var status = await RunAsync(script, new GenerationOptions());

        Assert.Equal(EngineRuntimeStatus.Completed, status.RuntimeStatus);
        string[] expected =
        [
            WorkflowSteps.Discovery.Name, WorkflowSteps.MasterPlan.Name, WorkflowSteps.GenerateTaskCode.Name, WorkflowSteps.CompleteCodeGeneration.Name,
            WorkflowSteps.ValidateProject.Name, WorkflowSteps.AtomizeTasks.Name, WorkflowSteps.CompleteAtomization.Name, WorkflowSteps.PlanWaves.Name,
            WorkflowSteps.ExecuteWaveBatch.Name, WorkflowSteps.CompleteWave.Name, WorkflowSteps.CompleteExecution.Name, WorkflowSteps.WriteFiles.Name,
            WorkflowSteps.GenerateInfrastructure.Name, WorkflowSteps.VerifyProject.Name, WorkflowSteps.DeliverWorkspace.Name,
        ];
        Assert.Equal(expected, Collapse(script.Calls.Select(c => c.Name)));
        Assert.Equal(4, script.Calls.Count(c => c.Name == WorkflowSteps.GenerateTaskCode.Name));
        Assert.DoesNotContain(script.Calls, c => (c.Name == WorkflowSteps.RepairTaskCode.Name || c.Name == WorkflowSteps.FailRun.Name));

        var summary = status.ReadOutput<GenerationSummary>();
        Assert.NotNull(summary);
        Assert.Equal("run-1", summary.RunId);
        Assert.Equal(4, summary.Tasks);

        var delivery = (RunMilestone)script.Calls.Single(c => c.Name == WorkflowSteps.DeliverWorkspace.Name).Input;
        Assert.Equal(PhaseOrder, delivery.Timings.PhaseSeconds.Keys);
        Assert.All(delivery.Timings.PhaseSeconds.Values, seconds => Assert.True(seconds >= 0));
        Assert.True(delivery.Timings.TotalSeconds >= delivery.Timings.PhaseSeconds.Values.Sum() - 0.001);
        Assert.Equal(new GenerationProgress("Delivery", 1, 1), status.ReadCustomStatus<GenerationProgress>());
        Assert.All(script.Calls, c => Assert.Contains("run-1", c.Input.ToString()));
    }

    [Fact]
    public async Task Code_generation_starts_a_task_only_after_its_dependencies_and_within_the_concurrency_bound()
    {
        var script = new ScriptedPipeline
        {
            Plan = Plans.Of(
                Plans.Task(1), Plans.Task(2), Plans.Task(3, 1), Plans.Task(4, 1, 2), Plans.Task(5), Plans.Task(6, 3),
                Plans.Task(7, 4, 6), Plans.Task(8), Plans.Task(9, 8), Plans.Task(10, 5, 9), Plans.Task(11), Plans.Task(12, 7, 10, 11)),
            CodeDelay = n => TimeSpan.FromMilliseconds(10 + (n * 37 % 5 * 15)),
        };

        var status = await RunAsync(script, new GenerationOptions { Concurrency = 3 });

        Assert.Equal(EngineRuntimeStatus.Completed, status.RuntimeStatus);
        var generated = script.Calls.Where(c => c.Name == WorkflowSteps.GenerateTaskCode.Name).ToDictionary(c => ((TaskAttempt)c.Input).TaskNumber);
        Assert.Equal(Enumerable.Range(1, 12), generated.Keys.Order());
        foreach (var task in script.Plan.Tasks)
        {
            foreach (var dependency in task.DependsOn)
            {
                Assert.True(generated[dependency].End < generated[task.Number].Start, $"task {task.Number} started before its dependency {dependency} finished");
            }
        }

        Assert.All(generated.Values, c => Assert.Equal(1, ((TaskAttempt)c.Input).Attempt));
        Assert.InRange(script.MaxInFlight(WorkflowSteps.GenerateTaskCode.Name), 2, 3);
    }

    [Fact]
    public async Task Code_generation_is_a_sliding_window_without_batch_barriers()
    {
        var script = new ScriptedPipeline
        {
            Plan = Plans.Independent(6),
            CodeDelay = n => TimeSpan.FromMilliseconds(n == 1 ? 600 : 20),
        };

        await RunAsync(script, new GenerationOptions { Concurrency = 3 });

        var generated = script.Calls.Where(c => c.Name == WorkflowSteps.GenerateTaskCode.Name).ToDictionary(c => ((TaskAttempt)c.Input).TaskNumber);
        // Tasks 4 to 6 take the places of 2 and 3 while the slow task 1 is still running.
        Assert.True(generated[4].Start < generated[1].End);
        Assert.True(generated[6].Start < generated[1].End);
        Assert.True(script.MaxInFlight(WorkflowSteps.GenerateTaskCode.Name) <= 3);
    }

    [Fact]
    public async Task Failing_tasks_are_repaired_for_at_most_the_configured_rounds()
    {
        var script = new ScriptedPipeline { Plan = Plans.Independent(4) };
        script.FailingTasksPerValidation.Clear();
        script.FailingTasksPerValidation.Add([3, 1]);

        var status = await RunAsync(script, new GenerationOptions { MaxRepairAttempts = 2 });

        Assert.Equal(EngineRuntimeStatus.Completed, status.RuntimeStatus);
        var loop = script.Calls.Where(c => (c.Name == WorkflowSteps.ValidateProject.Name || c.Name == WorkflowSteps.RepairTaskCode.Name)).ToList();
        Assert.Equal(
            [WorkflowSteps.ValidateProject.Name, WorkflowSteps.RepairTaskCode.Name, WorkflowSteps.ValidateProject.Name, WorkflowSteps.RepairTaskCode.Name, WorkflowSteps.ValidateProject.Name],
            Collapse(loop.Select(c => c.Name)));
        var repairs = loop.Where(c => c.Name == WorkflowSteps.RepairTaskCode.Name).Select(c => (TaskAttempt)c.Input)
            .OrderBy(r => r.Attempt).ThenBy(r => r.TaskNumber).Select(r => (r.TaskNumber, r.Attempt)).ToList();
        Assert.Equal([(1, 2), (3, 2), (1, 3), (3, 3)], repairs);
        // The run goes on after the last round: failing tasks are reported in the summary, not fatal.
        Assert.Contains(script.Calls, c => c.Name == WorkflowSteps.DeliverWorkspace.Name);
    }

    [Fact]
    public async Task Repair_stops_as_soon_as_validation_passes()
    {
        var script = new ScriptedPipeline { Plan = Plans.Independent(3) };
        script.FailingTasksPerValidation.Clear();
        script.FailingTasksPerValidation.Add([2]);
        script.FailingTasksPerValidation.Add([]);

        await RunAsync(script, new GenerationOptions { MaxRepairAttempts = 3 });

        Assert.Equal(2, script.Calls.Count(c => c.Name == WorkflowSteps.ValidateProject.Name));
        Assert.Equal(new TaskAttempt("run-1", 2, 2), Assert.Single(script.Calls, c => c.Name == WorkflowSteps.RepairTaskCode.Name).Input);
    }

    [Fact]
    public async Task No_repair_rounds_when_repairs_are_disabled()
    {
        var script = new ScriptedPipeline { Plan = Plans.Independent(2) };
        script.FailingTasksPerValidation.Clear();
        script.FailingTasksPerValidation.Add([1]);

        await RunAsync(script, new GenerationOptions { MaxRepairAttempts = 0 });

        Assert.Single(script.Calls, c => c.Name == WorkflowSteps.ValidateProject.Name);
        Assert.DoesNotContain(script.Calls, c => c.Name == WorkflowSteps.RepairTaskCode.Name);
    }

    [Fact]
    public async Task Atomization_fans_out_batches_of_consecutive_tasks_then_completes()
    {
        var script = new ScriptedPipeline { Plan = Plans.Independent(7) };

        await RunAsync(script, new GenerationOptions { Concurrency = 3 });

        var batches = script.Calls.Where(c => c.Name == WorkflowSteps.AtomizeTasks.Name)
            .Select(c => ((TaskBatch)c.Input).TaskNumbers.ToArray()).OrderBy(b => b[0]).ToList();
        Assert.Equal([[1, 2, 3], [4, 5, 6], [7]], batches);
        var complete = script.Calls.Single(c => c.Name == WorkflowSteps.CompleteAtomization.Name);
        Assert.All(script.Calls.Where(c => c.Name == WorkflowSteps.AtomizeTasks.Name), b => Assert.True(b.End < complete.Start));
    }

    [Fact]
    public async Task Waves_run_in_order_with_ceil_atoms_over_batch_size_batches_each()
    {
        var script = new ScriptedPipeline { Waves = new WavePlanOutline([30, 5, 51], 40, 1), BatchDelay = TimeSpan.FromMilliseconds(15) };

        var status = await RunAsync(script, new GenerationOptions { AtomBatchSize = 25, Concurrency = 2, MaxWaveSize = 60 });

        Assert.Equal(EngineRuntimeStatus.Completed, status.RuntimeStatus);
        Assert.Equal(new WavePlanRequest("run-1", 60), script.Calls.Single(c => c.Name == WorkflowSteps.PlanWaves.Name).Input);
        var batches = script.Calls.Where(c => c.Name == WorkflowSteps.ExecuteWaveBatch.Name).ToList();
        Assert.Equal([2, 1, 3], batches.GroupBy(c => ((WaveBatch)c.Input).Wave).OrderBy(g => g.Key).Select(g => g.Count()));
        Assert.Equal([0, 1, 2], batches.Where(c => ((WaveBatch)c.Input).Wave == 3).Select(c => ((WaveBatch)c.Input).Batch).Order());
        Assert.All(batches, c => Assert.Equal(25, ((WaveBatch)c.Input).BatchSize));
        Assert.True(script.MaxInFlight(WorkflowSteps.ExecuteWaveBatch.Name) <= 2);

        var completions = script.Calls.Where(c => c.Name == WorkflowSteps.CompleteWave.Name).ToList();
        Assert.Equal([1, 2, 3], completions.Select(c => ((WaveBatch)c.Input).Wave));
        foreach (var completion in completions)
        {
            var wave = ((WaveBatch)completion.Input).Wave;
            Assert.All(batches.Where(b => ((WaveBatch)b.Input).Wave == wave), b => Assert.True(b.End < completion.Start));
            Assert.All(batches.Where(b => ((WaveBatch)b.Input).Wave > wave), b => Assert.True(completion.End < b.Start));
        }

        var executionComplete = script.Calls.Single(c => c.Name == WorkflowSteps.CompleteExecution.Name);
        Assert.True(completions[^1].End < executionComplete.Start);
    }

    [Fact]
    public async Task A_failed_activity_is_recorded_with_the_journal_and_fails_the_orchestration_with_its_message()
    {
        var script = new ScriptedPipeline
        {
            Plan = Plans.Independent(4),
            Failure = (name, input) => name == WorkflowSteps.GenerateTaskCode.Name && ((TaskAttempt)input).TaskNumber == 3 ? "model quota exhausted" : null,
        };

        var status = await RunAsync(script, new GenerationOptions());

        Assert.Equal(EngineRuntimeStatus.Failed, status.RuntimeStatus);
        var failed = (RunMilestone)script.Calls.Single(c => c.Name == WorkflowSteps.FailRun.Name).Input;
        Assert.Equal(("run-1", PipelinePhase.CodeGeneration, "model quota exhausted"), (failed.RunId, failed.Phase, failed.Reason));
        Assert.NotNull(status.Failure);
        Assert.Equal(typeof(GenerationFailedException).FullName, status.Failure.ErrorType);
        Assert.Equal("model quota exhausted", status.Failure.Message);
        Assert.DoesNotContain(script.Calls, c => c.Name == WorkflowSteps.CompleteCodeGeneration.Name);
    }

    [Fact]
    public async Task A_dependency_cycle_fails_the_run_in_code_generation_after_the_tasks_that_could_run()
    {
        var script = new ScriptedPipeline { Plan = Plans.Of(Plans.Task(1), Plans.Task(2, 3), Plans.Task(3, 2)) };

        var status = await RunAsync(script, new GenerationOptions());

        Assert.Equal(EngineRuntimeStatus.Failed, status.RuntimeStatus);
        var failure = (RunMilestone)script.Calls.Single(c => c.Name == WorkflowSteps.FailRun.Name).Input;
        Assert.Equal(PipelinePhase.CodeGeneration, failure.Phase);
        Assert.Contains("2, 3", failure.Reason);
        Assert.Contains("cycle", failure.Reason);
        Assert.Equal(failure.Reason, status.Failure?.Message);
        Assert.Equal(1, ((TaskAttempt)Assert.Single(script.Calls, c => c.Name == WorkflowSteps.GenerateTaskCode.Name).Input).TaskNumber);
    }

    [Fact]
    public async Task A_dependency_on_a_missing_task_fails_the_run_in_the_master_plan_phase()
    {
        var script = new ScriptedPipeline { Plan = Plans.Of(Plans.Task(1), Plans.Task(2, 9)) };

        var status = await RunAsync(script, new GenerationOptions());

        Assert.Equal(EngineRuntimeStatus.Failed, status.RuntimeStatus);
        var failure = (RunMilestone)script.Calls.Single(c => c.Name == WorkflowSteps.FailRun.Name).Input;
        Assert.Equal(PipelinePhase.MasterPlan, failure.Phase);
        Assert.Contains("Task 2 depends on task(s) 9", failure.Reason);
        Assert.DoesNotContain(script.Calls, c => c.Name == WorkflowSteps.GenerateTaskCode.Name);
    }

    [Fact]
    public async Task Invalid_options_fail_the_run_before_any_phase_runs()
    {
        var script = new ScriptedPipeline();

        var status = await RunAsync(script, new GenerationOptions { Concurrency = 0, AtomBatchSize = -1 });

        Assert.Equal(EngineRuntimeStatus.Failed, status.RuntimeStatus);
        var failure = (RunMilestone)Assert.Single(script.Calls).Input;
        Assert.Equal(PipelinePhase.Discovery, failure.Phase);
        Assert.Contains("concurrency must be between 1 and 64 (was 0)", failure.Reason);
        Assert.Contains("atomBatchSize must be between 1 and 1000 (was -1)", failure.Reason);
    }

    private static async Task<EngineInstanceStatus> RunAsync(ScriptedPipeline script, GenerationOptions options)
    {
        var engineOptions = new EmbeddedEngineOptions()
            .AddOrchestrator<GenerationOrchestrator>(WorkflowRegistration.OrchestratorName)
            .AddActivity<ScriptedDiscovery>(WorkflowSteps.Discovery.Name)
            .AddActivity<ScriptedMasterPlan>(WorkflowSteps.MasterPlan.Name)
            .AddActivity<ScriptedGenerateTaskCode>(WorkflowSteps.GenerateTaskCode.Name)
            .AddActivity<ScriptedCompleteCodeGeneration>(WorkflowSteps.CompleteCodeGeneration.Name)
            .AddActivity<ScriptedValidateProject>(WorkflowSteps.ValidateProject.Name)
            .AddActivity<ScriptedRepairTaskCode>(WorkflowSteps.RepairTaskCode.Name)
            .AddActivity<ScriptedAtomizeTasks>(WorkflowSteps.AtomizeTasks.Name)
            .AddActivity<ScriptedCompleteAtomization>(WorkflowSteps.CompleteAtomization.Name)
            .AddActivity<ScriptedPlanWaves>(WorkflowSteps.PlanWaves.Name)
            .AddActivity<ScriptedExecuteWaveBatch>(WorkflowSteps.ExecuteWaveBatch.Name)
            .AddActivity<ScriptedCompleteWave>(WorkflowSteps.CompleteWave.Name)
            .AddActivity<ScriptedCompleteExecution>(WorkflowSteps.CompleteExecution.Name)
            .AddActivity<ScriptedWriteFiles>(WorkflowSteps.WriteFiles.Name)
            .AddActivity<ScriptedGenerateInfrastructure>(WorkflowSteps.GenerateInfrastructure.Name)
            .AddActivity<ScriptedVerifyProject>(WorkflowSteps.VerifyProject.Name)
            .AddActivity<ScriptedDeliverWorkspace>(WorkflowSteps.DeliverWorkspace.Name)
            .AddActivity<ScriptedFailRun>(WorkflowSteps.FailRun.Name);
        var services = new ServiceCollection().AddSingleton(script).BuildServiceProvider();
        await using var engine = EmbeddedEngine.CreateInMemory(engineOptions, services);
        await engine.StartAsync();
        await engine.ScheduleAsync(WorkflowRegistration.OrchestratorName, new GenerationInput("run-1", options), "run-1");
        return await engine.WaitForCompletionAsync("run-1", Timeout);
    }

    /// <summary>The sequence with consecutive repeats folded into one (fan-outs become one step).</summary>
    private static List<string> Collapse(IEnumerable<string> names)
    {
        var collapsed = new List<string>();
        foreach (var name in names)
        {
            if (collapsed.Count == 0 || collapsed[^1] != name)
            {
                collapsed.Add(name);
            }
        }

        return collapsed;
    }
}
