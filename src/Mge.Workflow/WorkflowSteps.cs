using Mge.Pipeline.Atomization;
using Mge.Pipeline.CodeGeneration;
using Mge.Pipeline.Costs;
using Mge.Pipeline.Delivery;
using Mge.Pipeline.Discovery;
using Mge.Pipeline.Infrastructure;
using Mge.Pipeline.Planning;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Validation;
using Mge.Pipeline.Verification;
using Mge.Pipeline.Waves;
using Mge.Pipeline.Workspace;

namespace Mge.Workflow;

/// <summary>
/// Every activity of the generation workflow, one line each: the phase it calls and how. Inputs are run ids or the
/// small records in StepInputs.cs; results are the phases' outcome records (ids and counts: the data is in storage).
/// </summary>
public static class WorkflowSteps
{
    public static WorkflowStep<string, DiscoveryOutcome> Discovery { get; } = WorkflowStep.Of<DiscoveryPhase, string, DiscoveryOutcome>((p, run, ct) => p.RunAsync(run, ct));

    public static WorkflowStep<string, PlanOutline> MasterPlan { get; } = WorkflowStep.Of<MasterPlanPhase, string, PlanOutline>((p, run, ct) => p.RunAsync(run, ct));

    public static WorkflowStep<TaskAttempt, TaskCodeOutcome> GenerateTaskCode { get; } = WorkflowStep.Of<CodeGenerationPhase, TaskAttempt, TaskCodeOutcome>((p, t, ct) => p.GenerateAsync(t.RunId, t.TaskNumber, ct));

    public static WorkflowStep<string, UsageTotals> CompleteCodeGeneration { get; } = WorkflowStep.Of<CodeGenerationPhase, string, UsageTotals>((p, run, ct) => p.CompleteAsync(run, ct));

    public static WorkflowStep<string, ValidationOutcome> ValidateProject { get; } = WorkflowStep.Of<ValidationPhase, string, ValidationOutcome>((p, run, ct) => p.ValidateAsync(run, ct));

    public static WorkflowStep<TaskAttempt, TaskCodeOutcome> RepairTaskCode { get; } = WorkflowStep.Of<ValidationPhase, TaskAttempt, TaskCodeOutcome>((p, t, ct) => p.RepairAsync(t.RunId, t.TaskNumber, t.Attempt, ct));

    public static WorkflowStep<TaskBatch, AtomizationOutcome> AtomizeTasks { get; } = WorkflowStep.Of<AtomizationPhase, TaskBatch, AtomizationOutcome>((p, b, ct) => p.AtomizeAsync(b.RunId, b.TaskNumbers, ct));

    public static WorkflowStep<string, int> CompleteAtomization { get; } = WorkflowStep.Of<AtomizationPhase, string, int>((p, run, ct) => p.CompleteAsync(run, ct));

    public static WorkflowStep<WavePlanRequest, WavePlanOutline> PlanWaves { get; } = WorkflowStep.Of<WavePlanningPhase, WavePlanRequest, WavePlanOutline>((p, w, ct) => p.PlanAsync(w.RunId, w.MaxWaveSize, ct));

    public static WorkflowStep<WaveBatch, WaveBatchOutcome> ExecuteWaveBatch { get; } = WorkflowStep.Of<WaveExecutionPhase, WaveBatch, WaveBatchOutcome>((p, b, ct) => p.ExecuteBatchAsync(b.RunId, b.Wave, b.Batch, b.BatchSize, ct));

    public static WorkflowStep<WaveBatch, WaveBatchOutcome> CompleteWave { get; } = WorkflowStep.Of<WaveExecutionPhase, WaveBatch, WaveBatchOutcome>((p, w, ct) => p.CompleteWaveAsync(w.RunId, w.Wave, ct));

    public static WorkflowStep<string, double> CompleteExecution { get; } = WorkflowStep.Of<WaveExecutionPhase, string, double>((p, run, ct) => p.CompleteAsync(run, ct));

    public static WorkflowStep<string, FileWritingOutcome> WriteFiles { get; } = WorkflowStep.Of<FileWritingPhase, string, FileWritingOutcome>((p, run, ct) => p.WriteAsync(run, ct));

    public static WorkflowStep<string, InfrastructureOutcome> GenerateInfrastructure { get; } = WorkflowStep.Of<InfrastructurePhase, string, InfrastructureOutcome>((p, run, ct) => p.GenerateAsync(run, ct));

    public static WorkflowStep<string, VerificationOutcome> VerifyProject { get; } = WorkflowStep.Of<VerificationPhase, string, VerificationOutcome>((p, run, ct) => p.VerifyAsync(run, ct));

    public static WorkflowStep<RunMilestone, GenerationSummary> DeliverWorkspace { get; } = WorkflowStep.Of<DeliveryPhase, RunMilestone, GenerationSummary>((p, m, ct) => p.PackageAsync(m.RunId, m.Timings, ct));

    public static WorkflowStep<RunMilestone, bool> FailRun { get; } = WorkflowStep.Of<RunJournal, RunMilestone, bool>(async (j, m, ct) =>
    {
        await j.FailAsync(m.RunId, m.Phase, m.Reason ?? "the run failed", ct).ConfigureAwait(false);
        return true;
    });

    public static WorkflowStep<RunMilestone, GenerationSummary> StopForBudget { get; } = WorkflowStep.Of<BudgetStop, RunMilestone, GenerationSummary>((s, m, ct) => s.StopAsync(m.RunId, m.Phase, m.Reason ?? "the budget cap was reached", m.Timings, ct));

    /// <summary>Every step, in declaration order (what both hosts register).</summary>
    public static IReadOnlyList<WorkflowStep> All { get; } = typeof(WorkflowSteps).GetProperties()
        .Where(p => typeof(WorkflowStep).IsAssignableFrom(p.PropertyType))
        .Select(p => (WorkflowStep)p.GetValue(null)!)
        .ToList();
}
