using System.Text.RegularExpressions;

namespace Mge.Engine;

/// <summary>
/// Where and how an <see cref="EmbeddedEngine"/> keeps its orchestration state in Azure Storage (or Azurite):
/// the connection string, the task hub (a name that groups the backend's queues, tables and lease blobs) and
/// the settings that matter for a local worker that may be killed and started again. The defaults are the
/// ones proven on the build machine; tests shorten <see cref="QueueVisibilityTimeout"/> so work a killed
/// worker held is redelivered sooner.
/// </summary>
public sealed partial record AzureStorageEngineSettings
{
    /// <summary>The task hub of the command-line host (the Functions app uses its own hub).</summary>
    public const string DefaultTaskHubName = "mgecli";

    /// <summary>The worker id of the command-line host.</summary>
    public const string DefaultWorkerId = "mge-local";

    /// <summary>An Azure Storage connection string ("UseDevelopmentStorage=true" for Azurite on its default ports).</summary>
    public required string ConnectionString { get; init; }

    /// <summary>3-45 letters or digits, starting with a letter (it prefixes queue, table and container names).</summary>
    public string TaskHubName { get; init; } = DefaultTaskHubName;

    /// <summary>
    /// Fixed on purpose: partition leases are owned by worker id, so a restarted worker with the same id takes
    /// its partitions back at once instead of waiting for the dead worker's leases to run out.
    /// </summary>
    public string WorkerId { get; init; } = DefaultWorkerId;

    /// <summary>Control-queue partitions (1..16). One worker runs locally, so a small number is enough.</summary>
    public int PartitionCount { get; init; } = 1;

    /// <summary>
    /// The longest pause between polls of an idle queue (the backend's default of 30 s makes a local run
    /// crawl between phases).
    /// </summary>
    public TimeSpan MaxQueuePollingInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a dequeued control or work-item message stays hidden. Locks of running activities are renewed,
    /// so this only bounds how long the work of a killed worker waits before another worker picks it up
    /// (the backend's default is 5 minutes).
    /// </summary>
    public TimeSpan QueueVisibilityTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Throws <see cref="ArgumentException"/> saying which setting is out of range.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException("The Azure Storage connection string is empty.", nameof(ConnectionString));
        }

        if (!TaskHubNamePattern().IsMatch(TaskHubName ?? string.Empty))
        {
            throw new ArgumentException(
                $"Task hub name '{TaskHubName}' is not valid: use 3-45 letters or digits, starting with a letter.", nameof(TaskHubName));
        }

        if (string.IsNullOrWhiteSpace(WorkerId))
        {
            throw new ArgumentException("The worker id is empty.", nameof(WorkerId));
        }

        if (PartitionCount is < 1 or > 16)
        {
            throw new ArgumentException($"Partition count must be between 1 and 16 (was {PartitionCount}).", nameof(PartitionCount));
        }

        if (MaxQueuePollingInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException($"The maximum queue polling interval must be positive (was {MaxQueuePollingInterval}).", nameof(MaxQueuePollingInterval));
        }

        if (QueueVisibilityTimeout < TimeSpan.FromSeconds(5))
        {
            throw new ArgumentException($"The queue visibility timeout must be at least 5 seconds (was {QueueVisibilityTimeout}).", nameof(QueueVisibilityTimeout));
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    private static partial Regex TaskHubNamePattern();
}
