using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Mge.Engine;

/// <summary>
/// The Durable Task client abstraction (<see cref="DurableTaskClient"/>) over an <see cref="EmbeddedEngine"/>, so
/// code written against the Functions host's durable client (the HTTP API's handlers) runs unchanged in a local
/// host. It supports what such code uses: scheduling with an instance id, reading an instance's metadata,
/// waiting for it, raising events and terminating. The engine has no suspend/resume, purge, instance queries or
/// rewind: those throw <see cref="NotSupportedException"/> naming the operation, rather than pretending.
/// </summary>
public sealed class EmbeddedDurableTaskClient(EmbeddedEngine engine) : DurableTaskClient("embedded")
{
    /// <summary>How often waits re-read the instance (the engine's own wait is used for completion).</summary>
    private static readonly TimeSpan StartPollInterval = TimeSpan.FromMilliseconds(100);

    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        if (options?.StartAt is not null)
        {
            throw Unsupported("scheduling an orchestration for a later start time (StartOrchestrationOptions.StartAt)");
        }

        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        return await engine.ScheduleAsync(orchestratorName.Name, input, instanceId, cancellation).ConfigureAwait(false);
    }

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) =>
        engine.RaiseEventAsync(instanceId, eventName, eventPayload, cancellation);

    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        if (options?.Recursive == true)
        {
            throw Unsupported("recursive termination (the engine's workflow has no sub-orchestrations)");
        }

        var reason = options?.Output?.ToString() ?? "terminated through the durable client";
        return engine.TerminateAsync(instanceId, reason, cancellation);
    }

    public override async Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        var status = await engine.GetStatusAsync(instanceId, cancellation).ConfigureAwait(false);
        return status is null ? null : ToMetadata(status, getInputsAndOutputs);
    }

    public override async Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        while (true)
        {
            var status = await engine.GetStatusAsync(instanceId, cancellation).ConfigureAwait(false);
            if (status is not null && status.RuntimeStatus != EngineRuntimeStatus.Pending)
            {
                return ToMetadata(status, getInputsAndOutputs);
            }

            await Task.Delay(StartPollInterval, cancellation).ConfigureAwait(false);
        }
    }

    public override async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        // The engine's wait takes a timeout; the client contract waits until cancelled.
        var status = await engine.WaitForCompletionAsync(instanceId, TimeSpan.FromDays(365), cancellation).ConfigureAwait(false);
        return ToMetadata(status, getInputsAndOutputs);
    }

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        throw Unsupported("suspending an instance");

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        throw Unsupported("resuming a suspended instance");

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
        throw Unsupported("querying instances (the run journal lists runs)");

    public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        throw Unsupported("purging an instance's history");

    public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        throw Unsupported("purging instances");

    /// <summary>The engine belongs to its host, which disposes it; this client owns nothing.</summary>
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static OrchestrationMetadata ToMetadata(EngineInstanceStatus status, bool withOutputs) => new(status.Name, status.InstanceId)
    {
        RuntimeStatus = status.RuntimeStatus switch
        {
            EngineRuntimeStatus.Pending => OrchestrationRuntimeStatus.Pending,
            EngineRuntimeStatus.Running => OrchestrationRuntimeStatus.Running,
            EngineRuntimeStatus.Completed => OrchestrationRuntimeStatus.Completed,
            EngineRuntimeStatus.Failed => OrchestrationRuntimeStatus.Failed,
            EngineRuntimeStatus.Terminated => OrchestrationRuntimeStatus.Terminated,
            EngineRuntimeStatus.Suspended => OrchestrationRuntimeStatus.Suspended,
            // The client marks ContinuedAsNew obsolete (an instance that continues as new is running again).
            EngineRuntimeStatus.ContinuedAsNew => OrchestrationRuntimeStatus.Running,
            // Canceled is the Core backend's legacy state for an instance stopped before it ran; the client has no such state.
            EngineRuntimeStatus.Canceled => OrchestrationRuntimeStatus.Terminated,
            _ => throw new InvalidOperationException($"Unknown engine status {status.RuntimeStatus}."),
        },
        CreatedAt = new DateTimeOffset(DateTime.SpecifyKind(status.CreatedAtUtc, DateTimeKind.Utc)),
        LastUpdatedAt = new DateTimeOffset(DateTime.SpecifyKind(status.LastUpdatedAtUtc, DateTimeKind.Utc)),
        SerializedOutput = withOutputs ? status.SerializedOutput : null,
        SerializedCustomStatus = withOutputs ? status.SerializedCustomStatus : null,
        FailureDetails = status.Failure is { } failure ? ToFailureDetails(failure) : null,
    };

    private static TaskFailureDetails ToFailureDetails(EngineFailure failure) =>
        new(failure.ErrorType, failure.Message, failure.StackTrace, failure.Inner is { } inner ? ToFailureDetails(inner) : null, null);

    private static NotSupportedException Unsupported(string operation) =>
        new($"The embedded engine's durable client does not support {operation}; it supports scheduling, status, waiting, raising events and termination.");
}
