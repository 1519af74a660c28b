namespace Mge.Workflow;

/// <summary>
/// Anything that registers orchestrator and activity classes by name (the embedded engine's options
/// implement it), so <see cref="WorkflowRegistration.Register"/> gives every host the same set without the
/// workflow depending on a host.
/// </summary>
public interface IWorkflowRegistrar
{
    void RegisterOrchestrator(string name, Type orchestratorType);

    void RegisterActivity(string name, Type activityType);
}
