using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;

namespace Mge.Engine;

/// <summary>
/// A snapshot of one orchestration instance: runtime status, timestamps, the serialized output and custom
/// status (read them typed with <see cref="ReadOutput{T}"/> / <see cref="ReadCustomStatus{T}"/>) and, when it
/// failed, the failure details.
/// </summary>
public sealed record EngineInstanceStatus
{
    public required string InstanceId { get; init; }

    public required string Name { get; init; }

    public required EngineRuntimeStatus RuntimeStatus { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    public DateTime LastUpdatedAtUtc { get; init; }

    public string? SerializedOutput { get; init; }

    public string? SerializedCustomStatus { get; init; }

    public EngineFailure? Failure { get; init; }

    /// <summary>True once the instance can no longer change (completed, failed, terminated or canceled).</summary>
    public bool IsTerminal => RuntimeStatus is EngineRuntimeStatus.Completed or EngineRuntimeStatus.Failed
        or EngineRuntimeStatus.Terminated or EngineRuntimeStatus.Canceled;

    internal DataConverter Converter { get; init; } = JsonDataConverter.Default;

    /// <summary>The orchestration's output, deserialized with the engine's data converter; default when it has none.</summary>
    public T? ReadOutput<T>() => Converter.Deserialize<T>(SerializedOutput);

    /// <summary>The last custom status the orchestrator set, deserialized with the engine's data converter; default when none was set.</summary>
    public T? ReadCustomStatus<T>() => Converter.Deserialize<T>(SerializedCustomStatus);
}
