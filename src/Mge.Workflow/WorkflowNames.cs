namespace Mge.Workflow;

/// <summary>
/// The names the orchestrator and activities are registered and called under, in every host: the embedded
/// engine registers each class under its name here, the Functions host gives each [Function] wrapper the
/// same name.
/// </summary>
public static class WorkflowNames
{
    public const string GenerationOrchestrator = "GenerationOrchestrator";

    public const string Discovery = "DiscoveryActivity";
    public const string MasterPlan = "MasterPlanActivity";
    public const string GenerateTaskCode = "GenerateTaskCodeActivity";
    public const string CompleteCodeGeneration = "CompleteCodeGenerationActivity";
    public const string ValidateProject = "ValidateProjectActivity";
    public const string RepairTaskCode = "RepairTaskCodeActivity";
    public const string AtomizeTasks = "AtomizeTasksActivity";
    public const string CompleteAtomization = "CompleteAtomizationActivity";
    public const string PlanWaves = "PlanWavesActivity";
    public const string ExecuteWaveBatch = "ExecuteWaveBatchActivity";
    public const string CompleteWave = "CompleteWaveActivity";
    public const string CompleteExecution = "CompleteExecutionActivity";
    public const string WriteFiles = "WriteFilesActivity";
    public const string GenerateInfrastructure = "GenerateInfrastructureActivity";
    public const string DeliverWorkspace = "DeliverWorkspaceActivity";
    public const string FailRun = "FailRunActivity";
}
