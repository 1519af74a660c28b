using Mge.Pipeline.Costs;
using Mge.Pipeline.Runs;
using Mge.Workflow;
using Mge.Workflow.Activities;
using Mge.Workflow.Inputs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Mge.Functions.Durable;

/// <summary>
/// One [ActivityTrigger] function per workflow activity, named as the orchestrator calls it
/// (<see cref="WorkflowNames"/>); each resolves the activity class from the invocation's service scope and
/// runs it, so the Functions host and the embedded engine execute the very same activity code.
/// </summary>
public static class WorkflowActivityFunctions
{
    [Function(WorkflowNames.Discovery)]
    public static Task<DiscoveryOutcome> Discovery([ActivityTrigger] RunRef input, FunctionContext function) =>
        RunAsync<DiscoveryActivity, RunRef, DiscoveryOutcome>(WorkflowNames.Discovery, input, function);

    [Function(WorkflowNames.MasterPlan)]
    public static Task<PlanOutline> MasterPlan([ActivityTrigger] RunRef input, FunctionContext function) =>
        RunAsync<MasterPlanActivity, RunRef, PlanOutline>(WorkflowNames.MasterPlan, input, function);

    [Function(WorkflowNames.GenerateTaskCode)]
    public static Task<TaskCodeOutcome> GenerateTaskCode([ActivityTrigger] TaskRef input, FunctionContext function) =>
        RunAsync<GenerateTaskCodeActivity, TaskRef, TaskCodeOutcome>(WorkflowNames.GenerateTaskCode, input, function);

    [Function(WorkflowNames.CompleteCodeGeneration)]
    public static Task<UsageTotals> CompleteCodeGeneration([ActivityTrigger] RunRef input, FunctionContext function) =>
        RunAsync<CompleteCodeGenerationActivity, RunRef, UsageTotals>(WorkflowNames.CompleteCodeGeneration, input, function);

    [Function(WorkflowNames.ValidateProject)]
    public static Task<ValidationOutcome> ValidateProject([ActivityTrigger] RunRef input, FunctionContext function) =>
        RunAsync<ValidateProjectActivity, RunRef, ValidationOutcome>(WorkflowNames.ValidateProject, input, function);

    [Function(WorkflowNames.RepairTaskCode)]
    public static Task<TaskCodeOutcome> RepairTaskCode([ActivityTrigger] TaskRef input, FunctionContext function) =>
        RunAsync<RepairTaskCodeActivity, TaskRef, TaskCodeOutcome>(WorkflowNames.RepairTaskCode, input, function);

    [Function(WorkflowNames.AtomizeTasks)]
    public static Task<AtomizationOutcome> AtomizeTasks([ActivityTrigger] TaskBatchRef input, FunctionContext function) =>
        RunAsync<AtomizeTasksActivity, TaskBatchRef, AtomizationOutcome>(WorkflowNames.AtomizeTasks, input, function);

    [Function(WorkflowNames.CompleteAtomization)]
    public static Task<int> CompleteAtomization([ActivityTrigger] RunRef input, FunctionContext function) =>
        RunAsync<CompleteAtomizationActivity, RunRef, int>(WorkflowNames.CompleteAtomization, input, function);

    [Function(WorkflowNames.PlanWaves)]
    public static Task<WavePlanOutline> PlanWaves([ActivityTrigger] WavePlanRef input, FunctionContext function) =>
        RunAsync<PlanWavesActivity, WavePlanRef, WavePlanOutline>(WorkflowNames.PlanWaves, input, function);

    [Function(WorkflowNames.ExecuteWaveBatch)]
    public static Task<WaveBatchOutcome> ExecuteWaveBatch([ActivityTrigger] WaveBatchRef input, FunctionContext function) =>
        RunAsync<ExecuteWaveBatchActivity, WaveBatchRef, WaveBatchOutcome>(WorkflowNames.ExecuteWaveBatch, input, function);

    [Function(WorkflowNames.CompleteWave)]
    public static Task<WaveBatchOutcome> CompleteWave([ActivityTrigger] WaveRef input, FunctionContext function) =>
        RunAsync<CompleteWaveActivity, WaveRef, WaveBatchOutcome>(WorkflowNames.CompleteWave, input, function);

    [Function(WorkflowNames.CompleteExecution)]
    public static Task<double> CompleteExecution([ActivityTrigger] RunRef input, FunctionContext function) =>
        RunAsync<CompleteExecutionActivity, RunRef, double>(WorkflowNames.CompleteExecution, input, function);

    [Function(WorkflowNames.WriteFiles)]
    public static Task<FileWritingOutcome> WriteFiles([ActivityTrigger] RunRef input, FunctionContext function) =>
        RunAsync<WriteFilesActivity, RunRef, FileWritingOutcome>(WorkflowNames.WriteFiles, input, function);

    [Function(WorkflowNames.GenerateInfrastructure)]
    public static Task<InfrastructureOutcome> GenerateInfrastructure([ActivityTrigger] RunRef input, FunctionContext function) =>
        RunAsync<GenerateInfrastructureActivity, RunRef, InfrastructureOutcome>(WorkflowNames.GenerateInfrastructure, input, function);

    [Function(WorkflowNames.DeliverWorkspace)]
    public static Task<GenerationSummary> DeliverWorkspace([ActivityTrigger] DeliveryRef input, FunctionContext function) =>
        RunAsync<DeliverWorkspaceActivity, DeliveryRef, GenerationSummary>(WorkflowNames.DeliverWorkspace, input, function);

    [Function(WorkflowNames.FailRun)]
    public static Task<bool> FailRun([ActivityTrigger] FailureRef input, FunctionContext function) =>
        RunAsync<FailRunActivity, FailureRef, bool>(WorkflowNames.FailRun, input, function);

    [Function(WorkflowNames.StopForBudget)]
    public static Task<GenerationSummary> StopForBudget([ActivityTrigger] BudgetStopRef input, FunctionContext function) =>
        RunAsync<StopForBudgetActivity, BudgetStopRef, GenerationSummary>(WorkflowNames.StopForBudget, input, function);

    private static Task<TOutput> RunAsync<TActivity, TInput, TOutput>(string name, TInput input, FunctionContext function)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        ArgumentNullException.ThrowIfNull(function);
        var activity = function.InstanceServices.GetRequiredService<TActivity>();
        return activity.RunAsync(new FunctionActivityContext(new TaskName(name), InstanceId(function)), input);
    }

    /// <summary>The orchestration instance that scheduled this activity, from the trigger's binding data (empty when the host does not supply it; no activity depends on it).</summary>
    private static string InstanceId(FunctionContext function) =>
        function.BindingContext.BindingData.TryGetValue("instanceId", out var id) && id is not null ? id.ToString() ?? string.Empty : string.Empty;
}
