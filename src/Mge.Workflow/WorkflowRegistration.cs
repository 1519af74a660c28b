using Mge.Workflow.Activities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mge.Workflow;

/// <summary>
/// The complete list of the workflow's orchestrator and activities, so the embedded engine and the Functions
/// host register exactly the same set (a missing activity would only show up as a run stuck mid-way).
/// </summary>
public static class WorkflowRegistration
{
    public static Type Orchestrator { get; } = typeof(GenerationOrchestrator);

    public static IReadOnlyList<WorkflowActivity> Activities { get; } =
    [
        new(WorkflowNames.Discovery, typeof(DiscoveryActivity)),
        new(WorkflowNames.MasterPlan, typeof(MasterPlanActivity)),
        new(WorkflowNames.GenerateTaskCode, typeof(GenerateTaskCodeActivity)),
        new(WorkflowNames.CompleteCodeGeneration, typeof(CompleteCodeGenerationActivity)),
        new(WorkflowNames.ValidateProject, typeof(ValidateProjectActivity)),
        new(WorkflowNames.RepairTaskCode, typeof(RepairTaskCodeActivity)),
        new(WorkflowNames.AtomizeTasks, typeof(AtomizeTasksActivity)),
        new(WorkflowNames.CompleteAtomization, typeof(CompleteAtomizationActivity)),
        new(WorkflowNames.PlanWaves, typeof(PlanWavesActivity)),
        new(WorkflowNames.ExecuteWaveBatch, typeof(ExecuteWaveBatchActivity)),
        new(WorkflowNames.CompleteWave, typeof(CompleteWaveActivity)),
        new(WorkflowNames.CompleteExecution, typeof(CompleteExecutionActivity)),
        new(WorkflowNames.WriteFiles, typeof(WriteFilesActivity)),
        new(WorkflowNames.GenerateInfrastructure, typeof(GenerateInfrastructureActivity)),
        new(WorkflowNames.DeliverWorkspace, typeof(DeliverWorkspaceActivity)),
        new(WorkflowNames.FailRun, typeof(FailRunActivity)),
        new(WorkflowNames.StopForBudget, typeof(StopForBudgetActivity)),
    ];

    /// <summary>Registers the orchestrator and every activity with <paramref name="registrar"/> under their workflow names.</summary>
    public static void Register(IWorkflowRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.RegisterOrchestrator(WorkflowNames.GenerationOrchestrator, Orchestrator);
        foreach (var activity in Activities)
        {
            registrar.RegisterActivity(activity.Name, activity.Type);
        }
    }

    /// <summary>
    /// Registers every activity class as a transient service (a fresh instance per execution, as the durable
    /// SDK expects), for hosts that resolve activities from DI. Hosts also call AddMgePipeline, a storage and a model.
    /// </summary>
    public static IServiceCollection AddMgeWorkflow(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        foreach (var activity in Activities)
        {
            services.TryAddTransient(activity.Type);
        }

        services.TryAddTransient<RunResumer>();

        return services;
    }
}
