using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;
using CoreObjectCreator = DurableTask.Core.ObjectCreator<DurableTask.Core.TaskOrchestration>;
using CoreTaskOrchestration = DurableTask.Core.TaskOrchestration;

namespace Mge.Engine;

/// <summary>
/// Hands TaskHubWorker a fresh shim around a fresh orchestrator instance for every work item: a replay
/// must never see fields left over from another instance's execution.
/// </summary>
internal sealed class ShimOrchestrationCreator : CoreObjectCreator
{
    private readonly Type orchestratorType;
    private readonly IServiceProvider services;
    private readonly DurableTaskShimFactory shims;

    public ShimOrchestrationCreator(string name, Type orchestratorType, IServiceProvider services, DurableTaskShimFactory shims)
    {
        Name = name;
        Version = string.Empty;
        this.orchestratorType = orchestratorType;
        this.services = services;
        this.shims = shims;
    }

    public override CoreTaskOrchestration Create()
    {
        var orchestrator = (ITaskOrchestrator)ActivatorUtilities.CreateInstance(services, orchestratorType);
        return shims.CreateOrchestration(new TaskName(Name), orchestrator);
    }
}
