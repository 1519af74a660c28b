using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mge.Workflow;

/// <summary>
/// The workflow as a host registers it: the orchestrator and every step of <see cref="WorkflowSteps"/> under its
/// name, so the embedded engine and the Functions app run exactly the same set (a missing activity would only
/// show up as a run stuck mid-way).
/// </summary>
public static class WorkflowRegistration
{
    /// <summary>The orchestrator's name in every host.</summary>
    public const string OrchestratorName = nameof(GenerationOrchestrator);

    /// <summary>Registers the orchestrator and every step with <paramref name="registrar"/>.</summary>
    public static void Register(IWorkflowRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.RegisterOrchestrator(OrchestratorName, typeof(GenerationOrchestrator));
        foreach (var step in WorkflowSteps.All)
        {
            registrar.RegisterActivity(step.Name, step.CreateActivity);
        }
    }

    /// <summary>The workflow's own services (hosts also call AddMgePipeline, a storage and a model).</summary>
    public static IServiceCollection AddMgeWorkflow(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddTransient<RunResumer>();
        services.TryAddTransient<RunLauncher>();
        return services;
    }
}
