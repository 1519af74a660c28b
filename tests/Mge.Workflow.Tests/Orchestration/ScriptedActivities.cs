using Mge.Pipeline.Costs;
using Mge.Pipeline.Runs;
using Mge.Workflow.Inputs;
using Microsoft.DurableTask;

namespace Mge.Workflow.Tests.Orchestration;

// Test doubles registered under the real activity names (WorkflowNames): they answer from the
// ScriptedPipeline and record each call, so the orchestrator's scheduling is what the tests observe.

public sealed class ScriptedDiscovery(ScriptedPipeline script) : TaskActivity<RunRef, DiscoveryOutcome>
{
    public override Task<DiscoveryOutcome> RunAsync(TaskActivityContext context, RunRef input) =>
        script.RecordAsync(WorkflowNames.Discovery, input, TimeSpan.Zero, () => new DiscoveryOutcome("discovery-1", "fastapi", 1, 2, 3, UsageTotals.Zero));
}

public sealed class ScriptedMasterPlan(ScriptedPipeline script) : TaskActivity<RunRef, PlanOutline>
{
    public override Task<PlanOutline> RunAsync(TaskActivityContext context, RunRef input) =>
        script.RecordAsync(WorkflowNames.MasterPlan, input, TimeSpan.Zero, () => script.Plan);
}

public sealed class ScriptedGenerateTaskCode(ScriptedPipeline script) : TaskActivity<TaskRef, TaskCodeOutcome>
{
    public override Task<TaskCodeOutcome> RunAsync(TaskActivityContext context, TaskRef input) =>
        script.RecordAsync(WorkflowNames.GenerateTaskCode, input, script.CodeDelay(input.TaskNumber),
            () => new TaskCodeOutcome(input.TaskNumber, true, 120, 1, null, new UsageTotals(10, 20, 0, 0.01m, 1)));
}

public sealed class ScriptedCompleteCodeGeneration(ScriptedPipeline script) : TaskActivity<RunRef, UsageTotals>
{
    public override Task<UsageTotals> RunAsync(TaskActivityContext context, RunRef input) =>
        script.RecordAsync(WorkflowNames.CompleteCodeGeneration, input, TimeSpan.Zero, () => UsageTotals.Zero);
}

public sealed class ScriptedValidateProject(ScriptedPipeline script) : TaskActivity<RunRef, ValidationOutcome>
{
    public override Task<ValidationOutcome> RunAsync(TaskActivityContext context, RunRef input) =>
        script.RecordAsync(WorkflowNames.ValidateProject, input, TimeSpan.Zero, () =>
        {
            var failing = script.NextFailingTasks();
            return new ValidationOutcome(script.Plan.Tasks.Count, failing, failing.Count, 0, []);
        });
}

public sealed class ScriptedRepairTaskCode(ScriptedPipeline script) : TaskActivity<TaskRef, TaskCodeOutcome>
{
    public override Task<TaskCodeOutcome> RunAsync(TaskActivityContext context, TaskRef input) =>
        script.RecordAsync(WorkflowNames.RepairTaskCode, input, TimeSpan.FromMilliseconds(5),
            () => new TaskCodeOutcome(input.TaskNumber, true, 130, 1, null, UsageTotals.Zero));
}

public sealed class ScriptedAtomizeTasks(ScriptedPipeline script) : TaskActivity<TaskBatchRef, AtomizationOutcome>
{
    public override Task<AtomizationOutcome> RunAsync(TaskActivityContext context, TaskBatchRef input) =>
        script.RecordAsync(WorkflowNames.AtomizeTasks, input, TimeSpan.FromMilliseconds(5),
            () => new AtomizationOutcome(input.TaskNumbers, input.TaskNumbers.Count * 10, 0));
}

public sealed class ScriptedCompleteAtomization(ScriptedPipeline script) : TaskActivity<RunRef, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, RunRef input) =>
        script.RecordAsync(WorkflowNames.CompleteAtomization, input, TimeSpan.Zero, () => script.Plan.Tasks.Count * 10);
}

public sealed class ScriptedPlanWaves(ScriptedPipeline script) : TaskActivity<WavePlanRef, WavePlanOutline>
{
    public override Task<WavePlanOutline> RunAsync(TaskActivityContext context, WavePlanRef input) =>
        script.RecordAsync(WorkflowNames.PlanWaves, input, TimeSpan.Zero, () => script.Waves);
}

public sealed class ScriptedExecuteWaveBatch(ScriptedPipeline script) : TaskActivity<WaveBatchRef, WaveBatchOutcome>
{
    public override Task<WaveBatchOutcome> RunAsync(TaskActivityContext context, WaveBatchRef input) =>
        script.RecordAsync(WorkflowNames.ExecuteWaveBatch, input, script.BatchDelay, () =>
        {
            var atoms = script.Waves.AtomsPerWave[input.Wave - 1];
            var inBatch = Math.Min(input.BatchSize, atoms - (input.Batch * input.BatchSize));
            return new WaveBatchOutcome(input.Wave, input.Batch, inBatch, 0, 0, UsageTotals.Zero);
        });
}

public sealed class ScriptedCompleteWave(ScriptedPipeline script) : TaskActivity<WaveRef, WaveBatchOutcome>
{
    public override Task<WaveBatchOutcome> RunAsync(TaskActivityContext context, WaveRef input) =>
        script.RecordAsync(WorkflowNames.CompleteWave, input, TimeSpan.Zero,
            () => new WaveBatchOutcome(input.Wave, -1, script.Waves.AtomsPerWave[input.Wave - 1], 0, 0, UsageTotals.Zero));
}

public sealed class ScriptedCompleteExecution(ScriptedPipeline script) : TaskActivity<RunRef, double>
{
    public override Task<double> RunAsync(TaskActivityContext context, RunRef input) =>
        script.RecordAsync(WorkflowNames.CompleteExecution, input, TimeSpan.Zero, () => 1.0);
}

public sealed class ScriptedWriteFiles(ScriptedPipeline script) : TaskActivity<RunRef, FileWritingOutcome>
{
    public override Task<FileWritingOutcome> RunAsync(TaskActivityContext context, RunRef input) =>
        script.RecordAsync(WorkflowNames.WriteFiles, input, TimeSpan.Zero, () => new FileWritingOutcome(5, [], []));
}

public sealed class ScriptedGenerateInfrastructure(ScriptedPipeline script) : TaskActivity<RunRef, InfrastructureOutcome>
{
    public override Task<InfrastructureOutcome> RunAsync(TaskActivityContext context, RunRef input) =>
        script.RecordAsync(WorkflowNames.GenerateInfrastructure, input, TimeSpan.Zero,
            () => new InfrastructureOutcome(2, "fastapi", ["Dockerfile", "README.md"]));
}

public sealed class ScriptedDeliverWorkspace(ScriptedPipeline script) : TaskActivity<DeliveryRef, GenerationSummary>
{
    public override Task<GenerationSummary> RunAsync(TaskActivityContext context, DeliveryRef input) =>
        script.RecordAsync(WorkflowNames.DeliverWorkspace, input, TimeSpan.Zero, () => new GenerationSummary
        {
            RunId = input.RunId,
            ProjectName = script.Plan.ProjectName,
            ProjectType = "fastapi",
            Model = "offline",
            Tasks = script.Plan.Tasks.Count,
            Atoms = script.Waves.TotalAtoms,
            Waves = script.Waves.AtomsPerWave.Count,
            AtomsPassed = script.Waves.TotalAtoms,
            Precision = 1.0,
            Usage = UsageTotals.Zero,
            PhaseSeconds = input.Timings.PhaseSeconds,
            TotalSeconds = input.Timings.TotalSeconds,
            WorkspaceZip = input.RunId + ".zip",
        });
}

public sealed class ScriptedFailRun(ScriptedPipeline script) : TaskActivity<FailureRef, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, FailureRef input) =>
        script.RecordAsync(WorkflowNames.FailRun, input, TimeSpan.Zero, () => true);
}
