using Mge.Pipeline.Costs;
using Mge.Pipeline.Runs;
using Microsoft.DurableTask;

namespace Mge.Workflow.Tests.Orchestration;

// Test doubles registered under the real activity names (WorkflowNames): they answer from the
// ScriptedPipeline and record each call, so the orchestrator's scheduling is what the tests observe.

public sealed class ScriptedDiscovery(ScriptedPipeline script) : TaskActivity<string, DiscoveryOutcome>
{
    public override Task<DiscoveryOutcome> RunAsync(TaskActivityContext context, string input) =>
        script.RecordAsync(WorkflowSteps.Discovery.Name, input, TimeSpan.Zero, () => new DiscoveryOutcome("discovery-1", "fastapi", 1, 2, 3, UsageTotals.Zero));
}

public sealed class ScriptedMasterPlan(ScriptedPipeline script) : TaskActivity<string, PlanOutline>
{
    public override Task<PlanOutline> RunAsync(TaskActivityContext context, string input) =>
        script.RecordAsync(WorkflowSteps.MasterPlan.Name, input, TimeSpan.Zero, () => script.Plan);
}

public sealed class ScriptedGenerateTaskCode(ScriptedPipeline script) : TaskActivity<TaskAttempt, TaskCodeOutcome>
{
    public override Task<TaskCodeOutcome> RunAsync(TaskActivityContext context, TaskAttempt input) =>
        script.RecordAsync(WorkflowSteps.GenerateTaskCode.Name, input, script.CodeDelay(input.TaskNumber),
            () => new TaskCodeOutcome(input.TaskNumber, true, 120, 1, null, new UsageTotals(10, 20, 0, 0.01m, 1)));
}

public sealed class ScriptedCompleteCodeGeneration(ScriptedPipeline script) : TaskActivity<string, UsageTotals>
{
    public override Task<UsageTotals> RunAsync(TaskActivityContext context, string input) =>
        script.RecordAsync(WorkflowSteps.CompleteCodeGeneration.Name, input, TimeSpan.Zero, () => UsageTotals.Zero);
}

public sealed class ScriptedValidateProject(ScriptedPipeline script) : TaskActivity<string, ValidationOutcome>
{
    public override Task<ValidationOutcome> RunAsync(TaskActivityContext context, string input) =>
        script.RecordAsync(WorkflowSteps.ValidateProject.Name, input, TimeSpan.Zero, () =>
        {
            var failing = script.NextFailingTasks();
            return new ValidationOutcome(script.Plan.Tasks.Count, failing, failing.Count, 0, []);
        });
}

public sealed class ScriptedRepairTaskCode(ScriptedPipeline script) : TaskActivity<TaskAttempt, TaskCodeOutcome>
{
    public override Task<TaskCodeOutcome> RunAsync(TaskActivityContext context, TaskAttempt input) =>
        script.RecordAsync(WorkflowSteps.RepairTaskCode.Name, input, TimeSpan.FromMilliseconds(5),
            () => new TaskCodeOutcome(input.TaskNumber, true, 130, 1, null, UsageTotals.Zero));
}

public sealed class ScriptedAtomizeTasks(ScriptedPipeline script) : TaskActivity<TaskBatch, AtomizationOutcome>
{
    public override Task<AtomizationOutcome> RunAsync(TaskActivityContext context, TaskBatch input) =>
        script.RecordAsync(WorkflowSteps.AtomizeTasks.Name, input, TimeSpan.FromMilliseconds(5),
            () => new AtomizationOutcome(input.TaskNumbers, input.TaskNumbers.Count * 10, 0));
}

public sealed class ScriptedCompleteAtomization(ScriptedPipeline script) : TaskActivity<string, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, string input) =>
        script.RecordAsync(WorkflowSteps.CompleteAtomization.Name, input, TimeSpan.Zero, () => script.Plan.Tasks.Count * 10);
}

public sealed class ScriptedPlanWaves(ScriptedPipeline script) : TaskActivity<WavePlanRequest, WavePlanOutline>
{
    public override Task<WavePlanOutline> RunAsync(TaskActivityContext context, WavePlanRequest input) =>
        script.RecordAsync(WorkflowSteps.PlanWaves.Name, input, TimeSpan.Zero, () => script.Waves);
}

public sealed class ScriptedExecuteWaveBatch(ScriptedPipeline script) : TaskActivity<WaveBatch, WaveBatchOutcome>
{
    public override Task<WaveBatchOutcome> RunAsync(TaskActivityContext context, WaveBatch input) =>
        script.RecordAsync(WorkflowSteps.ExecuteWaveBatch.Name, input, script.BatchDelay, () =>
        {
            var atoms = script.Waves.AtomsPerWave[input.Wave - 1];
            var inBatch = Math.Min(input.BatchSize, atoms - (input.Batch * input.BatchSize));
            return new WaveBatchOutcome(input.Wave, input.Batch, inBatch, 0, 0, UsageTotals.Zero);
        });
}

public sealed class ScriptedCompleteWave(ScriptedPipeline script) : TaskActivity<WaveBatch, WaveBatchOutcome>
{
    public override Task<WaveBatchOutcome> RunAsync(TaskActivityContext context, WaveBatch input) =>
        script.RecordAsync(WorkflowSteps.CompleteWave.Name, input, TimeSpan.Zero,
            () => new WaveBatchOutcome(input.Wave, -1, script.Waves.AtomsPerWave[input.Wave - 1], 0, 0, UsageTotals.Zero));
}

public sealed class ScriptedCompleteExecution(ScriptedPipeline script) : TaskActivity<string, double>
{
    public override Task<double> RunAsync(TaskActivityContext context, string input) =>
        script.RecordAsync(WorkflowSteps.CompleteExecution.Name, input, TimeSpan.Zero, () => 1.0);
}

public sealed class ScriptedWriteFiles(ScriptedPipeline script) : TaskActivity<string, FileWritingOutcome>
{
    public override Task<FileWritingOutcome> RunAsync(TaskActivityContext context, string input) =>
        script.RecordAsync(WorkflowSteps.WriteFiles.Name, input, TimeSpan.Zero, () => new FileWritingOutcome(5, [], []));
}

public sealed class ScriptedGenerateInfrastructure(ScriptedPipeline script) : TaskActivity<string, InfrastructureOutcome>
{
    public override Task<InfrastructureOutcome> RunAsync(TaskActivityContext context, string input) =>
        script.RecordAsync(WorkflowSteps.GenerateInfrastructure.Name, input, TimeSpan.Zero,
            () => new InfrastructureOutcome(2, "fastapi", ["Dockerfile", "README.md"]));
}

public sealed class ScriptedVerifyProject(ScriptedPipeline script) : TaskActivity<string, Mge.Pipeline.Verification.VerificationOutcome>
{
    public override Task<Mge.Pipeline.Verification.VerificationOutcome> RunAsync(TaskActivityContext context, string input) =>
        script.RecordAsync(WorkflowSteps.VerifyProject.Name, input, TimeSpan.Zero,
            () => new Mge.Pipeline.Verification.VerificationOutcome("passed", "passed", 3, 0, 0, "passed", 2, 0, "scripted"));
}

public sealed class ScriptedDeliverWorkspace(ScriptedPipeline script) : TaskActivity<RunMilestone, GenerationSummary>
{
    public override Task<GenerationSummary> RunAsync(TaskActivityContext context, RunMilestone input) =>
        script.RecordAsync(WorkflowSteps.DeliverWorkspace.Name, input, TimeSpan.Zero, () => new GenerationSummary
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

public sealed class ScriptedFailRun(ScriptedPipeline script) : TaskActivity<RunMilestone, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, RunMilestone input) =>
        script.RecordAsync(WorkflowSteps.FailRun.Name, input, TimeSpan.Zero, () => true);
}
