using Microsoft.DurableTask;

namespace Mge.Functions.Durable;

/// <summary>The <see cref="TaskActivityContext"/> an activity class receives when a Functions [ActivityTrigger] wrapper runs it.</summary>
internal sealed class FunctionActivityContext(TaskName name, string instanceId) : TaskActivityContext
{
    public override TaskName Name { get; } = name;

    public override string InstanceId { get; } = instanceId;
}
