using Microsoft.DurableTask;

namespace Mge.Workflow;

/// <summary>
/// Anything that registers orchestrators and activities by name (the embedded engine's options implement it), so
/// <see cref="WorkflowRegistration.Register"/> gives every host the same set without the workflow depending on a host.
/// </summary>
public interface IWorkflowRegistrar
{
    void RegisterOrchestrator(string name, Type orchestratorType);

    /// <summary>Registers activity <paramref name="name"/>, built per execution by <paramref name="create"/> from that execution's service scope.</summary>
    void RegisterActivity(string name, Func<IServiceProvider, ITaskActivity> create);
}
