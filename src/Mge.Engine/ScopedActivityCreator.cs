using Microsoft.DurableTask.Worker.Shims;
using CoreObjectCreator = DurableTask.Core.ObjectCreator<DurableTask.Core.TaskActivity>;
using CoreTaskActivity = DurableTask.Core.TaskActivity;

namespace Mge.Engine;

/// <summary>Registers one activity name with TaskHubWorker; each work item gets a <see cref="ScopedActivity"/>.</summary>
internal sealed class ScopedActivityCreator : CoreObjectCreator
{
    private readonly Func<IServiceProvider, Microsoft.DurableTask.ITaskActivity> create;
    private readonly IServiceProvider services;
    private readonly DurableTaskShimFactory shims;
    private readonly Func<Exception, bool>? isTransientFailure;

    public ScopedActivityCreator(string name, Func<IServiceProvider, Microsoft.DurableTask.ITaskActivity> create, IServiceProvider services, DurableTaskShimFactory shims, Func<Exception, bool>? isTransientFailure)
    {
        this.isTransientFailure = isTransientFailure;
        Name = name;
        Version = string.Empty;
        this.create = create;
        this.services = services;
        this.shims = shims;
    }

    public override CoreTaskActivity Create() => new ScopedActivity(Name, create, services, shims, isTransientFailure);
}
