using Mge.Workflow.Activities;

namespace Mge.Workflow;

/// <summary>
/// The names the orchestrator and activities are registered and called under, in every host: each class's
/// own name. The embedded engine registers each class under it; the Functions host gives each [Function]
/// wrapper the same name (the wrapper class itself must be named differently, see Mge.Functions).
/// </summary>
public static class WorkflowNames
{
    public const string GenerationOrchestrator = nameof(Workflow.GenerationOrchestrator);

    public const string Discovery = nameof(DiscoveryActivity);
    public const string MasterPlan = nameof(MasterPlanActivity);
    public const string GenerateTaskCode = nameof(GenerateTaskCodeActivity);
    public const string CompleteCodeGeneration = nameof(CompleteCodeGenerationActivity);
    public const string ValidateProject = nameof(ValidateProjectActivity);
    public const string RepairTaskCode = nameof(RepairTaskCodeActivity);
    public const string AtomizeTasks = nameof(AtomizeTasksActivity);
    public const string CompleteAtomization = nameof(CompleteAtomizationActivity);
    public const string PlanWaves = nameof(PlanWavesActivity);
    public const string ExecuteWaveBatch = nameof(ExecuteWaveBatchActivity);
    public const string CompleteWave = nameof(CompleteWaveActivity);
    public const string CompleteExecution = nameof(CompleteExecutionActivity);
    public const string WriteFiles = nameof(WriteFilesActivity);
    public const string GenerateInfrastructure = nameof(GenerateInfrastructureActivity);
    public const string DeliverWorkspace = nameof(DeliverWorkspaceActivity);
    public const string FailRun = nameof(FailRunActivity);
    public const string StopForBudget = nameof(StopForBudgetActivity);
}
