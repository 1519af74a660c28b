namespace Mge.Models.Offline;

/// <summary>Settings of the built-in offline model (bound from configuration or set in code).</summary>
public sealed class OfflineModelOptions
{
    /// <summary>Share (0..1) of first attempts answered with an injected fault; 0 gives clean answers only.</summary>
    public double FaultRate { get; set; }

    /// <summary>Which faults may be injected (each only where it applies to the prompt's role).</summary>
    public OfflineFaultKinds FaultKinds { get; set; } = OfflineFaultKinds.All;

    /// <summary>Mixed into the fault decision; the same seed and prompt give the same answer.</summary>
    public int Seed { get; set; }

    /// <summary>Delay before each answer, to imitate a remote model in benchmarks; honours cancellation.</summary>
    public TimeSpan SimulatedLatency { get; set; } = TimeSpan.Zero;

    /// <summary>How many recent prompts the simulated prompt cache remembers.</summary>
    public int PromptCacheCapacity { get; set; } = 256;

    /// <summary>Characters per streamed update.</summary>
    public int StreamingChunkSize { get; set; } = 64;

    /// <summary>Throws when a setting is out of range.</summary>
    public void Validate()
    {
        if (double.IsNaN(FaultRate) || FaultRate is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(FaultRate), FaultRate, "FaultRate must be between 0 and 1.");
        }

        if (SimulatedLatency < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(SimulatedLatency), SimulatedLatency, "SimulatedLatency must not be negative.");
        }

        if (PromptCacheCapacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(PromptCacheCapacity), PromptCacheCapacity, "PromptCacheCapacity must be at least 1.");
        }

        if (StreamingChunkSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(StreamingChunkSize), StreamingChunkSize, "StreamingChunkSize must be at least 1.");
        }
    }
}
