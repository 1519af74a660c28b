using Mge.Engine;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Runs;
using Mge.Workflow.Inputs;
using Microsoft.Extensions.DependencyInjection;

namespace Mge.Workflow.Tests.Orchestration;

public sealed class GenerationOrchestratorTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static readonly string[] PhaseOrder =
    [
        "Discovery", "MasterPlan", "CodeGeneration", "Validation", "Atomization", "WavePlanning", "WaveExecution", "FileWriting", "Infrastructure",
    ];

    [Fact]
    public async Task Runs_every_phase_in_order_and_returns_the_delivery_summary()
    {
        var script = new ScriptedPipeline { Plan = Plans.Of(Plans.Task(1), Plans.Task(2, 1), Plans.Task(3, 1), Plans.Task(4, 2, 3)) };

        var status = await RunAsync(script, new GenerationOptions());

        Assert.Equal(EngineRuntimeStatus.Completed, status.RuntimeStatus);
        string[] expected =
        [
            WorkflowNames.Discovery, WorkflowNames.MasterPlan, WorkflowNames.GenerateTaskCode, WorkflowNames.CompleteCodeGeneration,
            WorkflowNames.ValidateProject, WorkflowNames.AtomizeTasks, WorkflowNames.CompleteAtomization, WorkflowNames.PlanWaves,
            WorkflowNames.ExecuteWaveBatch, WorkflowNames.CompleteWave, WorkflowNames.CompleteExecution, WorkflowNames.WriteFiles,
            WorkflowNames.GenerateInfrastructure, WorkflowNames.DeliverWorkspace,
        ];
        Assert.Equal(expected, Collapse(script.Calls.Select(c => c.Name)));
        Assert.Equal(4, script.Calls.Count(c => c.Name == WorkflowNames.GenerateTaskCode));
        Assert.DoesNotContain(script.Calls, c => c.Name is WorkflowNames.RepairTaskCode or WorkflowNames.FailRun);

        var summary = status.ReadOutput<GenerationSummary>();
        Assert.NotNull(summary);
        Assert.Equal("run-1", summary.RunId);
        Assert.Equal(4, summary.Tasks);

        var delivery = (DeliveryRef)script.Calls.Single(c => c.Name == WorkflowNames.DeliverWorkspace).Input;
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
        var generated = script.Calls.Where(c => c.Name == WorkflowNames.GenerateTaskCode).ToDictionary(c => ((TaskRef)c.Input).TaskNumber);
        Assert.Equal(Enumerable.Range(1, 12), generated.Keys.Order());
        foreach (var task in script.Plan.Tasks)
        {
            foreach (var dependency in task.DependsOn)
            {
                Assert.True(generated[dependency].End < generated[task.Number].Start, $"task {task.Number} started before its dependency {dependency} finished");
            }
        }

        Assert.All(generated.Values, c => Assert.Equal(1, ((TaskRef)c.Input).Attempt));
        Assert.InRange(script.MaxInFlight(WorkflowNames.GenerateTaskCode), 2, 3);
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

        var generated = script.Calls.Where(c => c.Name == WorkflowNames.GenerateTaskCode).ToDictionary(c => ((TaskRef)c.Input).TaskNumber);
        // Tasks 4 to 6 take the places of 2 and 3 while the slow task 1 is still running.
        Assert.True(generated[4].Start < generated[1].End);
        Assert.True(generated[6].Start < generated[1].End);
        Assert.True(script.MaxInFlight(WorkflowNames.GenerateTaskCode) <= 3);
    }

    [Fact]
    public async Task Failing_tasks_are_repaired_for_at_most_the_configured_rounds()
    {
        var script = new ScriptedPipeline { Plan = Plans.Independent(4) };
        script.FailingTasksPerValidation.Clear();
        script.FailingTasksPerValidation.Add([3, 1]);

        var status = await RunAsync(script, new GenerationOptions { MaxRepairAttempts = 2 });

        Assert.Equal(EngineRuntimeStatus.Completed, status.RuntimeStatus);
        var loop = script.Calls.Where(c => c.Name is WorkflowNames.ValidateProject or WorkflowNames.RepairTaskCode).ToList();
        Assert.Equal(
            [WorkflowNames.ValidateProject, WorkflowNames.RepairTaskCode, WorkflowNames.ValidateProject, WorkflowNames.RepairTaskCode, WorkflowNames.ValidateProject],
            Collapse(loop.Select(c => c.Name)));
        var repairs = loop.Where(c => c.Name == WorkflowNames.RepairTaskCode).Select(c => (TaskRef)c.Input)
            .OrderBy(r => r.Attempt).ThenBy(r => r.TaskNumber).Select(r => (r.TaskNumber, r.Attempt)).ToList();
        Assert.Equal([(1, 2), (3, 2), (1, 3), (3, 3)], repairs);
        // The run goes on after the last round: failing tasks are reported in the summary, not fatal.
        Assert.Contains(script.Calls, c => c.Name == WorkflowNames.DeliverWorkspace);
    }

    [Fact]
    public async Task Repair_stops_as_soon_as_validation_passes()
    {
        var script = new ScriptedPipeline { Plan = Plans.Independent(3) };
        script.FailingTasksPerValidation.Clear();
        script.FailingTasksPerValidation.Add([2]);
        script.FailingTasksPerValidation.Add([]);

        await RunAsync(script, new GenerationOptions { MaxRepairAttempts = 3 });

        Assert.Equal(2, script.Calls.Count(c => c.Name == WorkflowNames.ValidateProject));
        Assert.Equal(new TaskRef("run-1", 2, 2), Assert.Single(script.Calls, c => c.Name == WorkflowNames.RepairTaskCode).Input);
    }

    [Fact]
    public async Task No_repair_rounds_when_repairs_are_disabled()
    {
        var script = new ScriptedPipeline { Plan = Plans.Independent(2) };
        script.FailingTasksPerValidation.Clear();
        script.FailingTasksPerValidation.Add([1]);

        await RunAsync(script, new GenerationOptions { MaxRepairAttempts = 0 });

        Assert.Single(script.Calls, c => c.Name == WorkflowNames.ValidateProject);
        Assert.DoesNotContain(script.Calls, c => c.Name == WorkflowNames.RepairTaskCode);
    }

    [Fact]
    public async Task Atomization_fans_out_batches_of_consecutive_tasks_then_completes()
    {
        var script = new ScriptedPipeline { Plan = Plans.Independent(7) };

        await RunAsync(script, new GenerationOptions { Concurrency = 3 });

        var batches = script.Calls.Where(c => c.Name == WorkflowNames.AtomizeTasks)
            .Select(c => ((TaskBatchRef)c.Input).TaskNumbers.ToArray()).OrderBy(b => b[0]).ToList();
        Assert.Equal([[1, 2, 3], [4, 5, 6], [7]], batches);
        var complete = script.Calls.Single(c => c.Name == WorkflowNames.CompleteAtomization);
        Assert.All(script.Calls.Where(c => c.Name == WorkflowNames.AtomizeTasks), b => Assert.True(b.End < complete.Start));
    }

    [Fact]
    public async Task Waves_run_in_order_with_ceil_atoms_over_batch_size_batches_each()
    {
        var script = new ScriptedPipeline { Waves = new WavePlanOutline([30, 5, 51], 40, 1), BatchDelay = TimeSpan.FromMilliseconds(15) };

        var status = await RunAsync(script, new GenerationOptions { AtomBatchSize = 25, Concurrency = 2, MaxWaveSize = 60 });

        Assert.Equal(EngineRuntimeStatus.Completed, status.RuntimeStatus);
        Assert.Equal(new WavePlanRef("run-1", 60), script.Calls.Single(c => c.Name == WorkflowNames.PlanWaves).Input);
        var batches = script.Calls.Where(c => c.Name == WorkflowNames.ExecuteWaveBatch).ToList();
        Assert.Equal([2, 1, 3], batches.GroupBy(c => ((WaveBatchRef)c.Input).Wave).OrderBy(g => g.Key).Select(g => g.Count()));
        Assert.Equal([0, 1, 2], batches.Where(c => ((WaveBatchRef)c.Input).Wave == 3).Select(c => ((WaveBatchRef)c.Input).Batch).Order());
        Assert.All(batches, c => Assert.Equal(25, ((WaveBatchRef)c.Input).BatchSize));
        Assert.True(script.MaxInFlight(WorkflowNames.ExecuteWaveBatch) <= 2);

        var completions = script.Calls.Where(c => c.Name == WorkflowNames.CompleteWave).ToList();
        Assert.Equal([1, 2, 3], completions.Select(c => ((WaveRef)c.Input).Wave));
        foreach (var completion in completions)
        {
            var wave = ((WaveRef)completion.Input).Wave;
            Assert.All(batches.Where(b => ((WaveBatchRef)b.Input).Wave == wave), b => Assert.True(b.End < completion.Start));
            Assert.All(batches.Where(b => ((WaveBatchRef)b.Input).Wave > wave), b => Assert.True(completion.End < b.Start));
        }

        var executionComplete = script.Calls.Single(c => c.Name == WorkflowNames.CompleteExecution);
        Assert.True(completions[^1].End < executionComplete.Start);
    }

    [Fact]
    public async Task A_failed_activity_is_recorded_with_the_journal_and_fails_the_orchestration_with_its_message()
    {
        var script = new ScriptedPipeline
        {
            Plan = Plans.Independent(4),
            Failure = (name, input) => name == WorkflowNames.GenerateTaskCode && ((TaskRef)input).TaskNumber == 3 ? "model quota exhausted" : null,
        };

        var status = await RunAsync(script, new GenerationOptions());

        Assert.Equal(EngineRuntimeStatus.Failed, status.RuntimeStatus);
        Assert.Equal(new FailureRef("run-1", PipelinePhase.CodeGeneration, "model quota exhausted"), script.Calls.Single(c => c.Name == WorkflowNames.FailRun).Input);
        Assert.NotNull(status.Failure);
        Assert.Equal(typeof(GenerationFailedException).FullName, status.Failure.ErrorType);
        Assert.Equal("model quota exhausted", status.Failure.Message);
        Assert.DoesNotContain(script.Calls, c => c.Name == WorkflowNames.CompleteCodeGeneration);
    }

    [Fact]
    public async Task A_dependency_cycle_fails_the_run_in_code_generation_after_the_tasks_that_could_run()
    {
        var script = new ScriptedPipeline { Plan = Plans.Of(Plans.Task(1), Plans.Task(2, 3), Plans.Task(3, 2)) };

        var status = await RunAsync(script, new GenerationOptions());

        Assert.Equal(EngineRuntimeStatus.Failed, status.RuntimeStatus);
        var failure = (FailureRef)script.Calls.Single(c => c.Name == WorkflowNames.FailRun).Input;
        Assert.Equal(PipelinePhase.CodeGeneration, failure.Phase);
        Assert.Contains("2, 3", failure.Message);
        Assert.Contains("cycle", failure.Message);
        Assert.Equal(failure.Message, status.Failure?.Message);
        Assert.Equal(1, ((TaskRef)Assert.Single(script.Calls, c => c.Name == WorkflowNames.GenerateTaskCode).Input).TaskNumber);
    }

    [Fact]
    public async Task A_dependency_on_a_missing_task_fails_the_run_in_the_master_plan_phase()
    {
        var script = new ScriptedPipeline { Plan = Plans.Of(Plans.Task(1), Plans.Task(2, 9)) };

        var status = await RunAsync(script, new GenerationOptions());

        Assert.Equal(EngineRuntimeStatus.Failed, status.RuntimeStatus);
        var failure = (FailureRef)script.Calls.Single(c => c.Name == WorkflowNames.FailRun).Input;
        Assert.Equal(PipelinePhase.MasterPlan, failure.Phase);
        Assert.Contains("Task 2 depends on task(s) 9", failure.Message);
        Assert.DoesNotContain(script.Calls, c => c.Name == WorkflowNames.GenerateTaskCode);
    }

    [Fact]
    public async Task Invalid_options_fail_the_run_before_any_phase_runs()
    {
        var script = new ScriptedPipeline();

        var status = await RunAsync(script, new GenerationOptions { Concurrency = 0, AtomBatchSize = -1 });

        Assert.Equal(EngineRuntimeStatus.Failed, status.RuntimeStatus);
        var failure = (FailureRef)Assert.Single(script.Calls).Input;
        Assert.Equal(PipelinePhase.Discovery, failure.Phase);
        Assert.Contains("concurrency must be at least 1", failure.Message);
        Assert.Contains("atom batch size must be at least 1", failure.Message);
    }

    private static async Task<EngineInstanceStatus> RunAsync(ScriptedPipeline script, GenerationOptions options)
    {
        var engineOptions = new EmbeddedEngineOptions()
            .AddOrchestrator<GenerationOrchestrator>(WorkflowNames.GenerationOrchestrator)
            .AddActivity<ScriptedDiscovery>(WorkflowNames.Discovery)
            .AddActivity<ScriptedMasterPlan>(WorkflowNames.MasterPlan)
            .AddActivity<ScriptedGenerateTaskCode>(WorkflowNames.GenerateTaskCode)
            .AddActivity<ScriptedCompleteCodeGeneration>(WorkflowNames.CompleteCodeGeneration)
            .AddActivity<ScriptedValidateProject>(WorkflowNames.ValidateProject)
            .AddActivity<ScriptedRepairTaskCode>(WorkflowNames.RepairTaskCode)
            .AddActivity<ScriptedAtomizeTasks>(WorkflowNames.AtomizeTasks)
            .AddActivity<ScriptedCompleteAtomization>(WorkflowNames.CompleteAtomization)
            .AddActivity<ScriptedPlanWaves>(WorkflowNames.PlanWaves)
            .AddActivity<ScriptedExecuteWaveBatch>(WorkflowNames.ExecuteWaveBatch)
            .AddActivity<ScriptedCompleteWave>(WorkflowNames.CompleteWave)
            .AddActivity<ScriptedCompleteExecution>(WorkflowNames.CompleteExecution)
            .AddActivity<ScriptedWriteFiles>(WorkflowNames.WriteFiles)
            .AddActivity<ScriptedGenerateInfrastructure>(WorkflowNames.GenerateInfrastructure)
            .AddActivity<ScriptedDeliverWorkspace>(WorkflowNames.DeliverWorkspace)
            .AddActivity<ScriptedFailRun>(WorkflowNames.FailRun);
        var services = new ServiceCollection().AddSingleton(script).BuildServiceProvider();
        await using var engine = EmbeddedEngine.CreateInMemory(engineOptions, services);
        await engine.StartAsync();
        await engine.ScheduleAsync(WorkflowNames.GenerationOrchestrator, new GenerationInput("run-1", options), "run-1");
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
