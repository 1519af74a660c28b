using Mge.Pipeline.Costs;
using Mge.Pipeline.Prompting;

namespace Mge.Pipeline.Storage;

/// <summary>
/// One journaled model call (table "calls", partition run id, row = the call key). Its presence means the
/// response blob is stored and the call is paid: the same key is never sent to the model again.
/// </summary>
public sealed record ModelCallRecord
{
    public required string Key { get; init; }
    public required ModelRole Role { get; init; }
    public required string Model { get; init; }
    public required string PromptVersion { get; init; }
    public long InputTokens { get; init; }
    public long OutputTokens { get; init; }
    public long CachedTokens { get; init; }
    public decimal CostUsd { get; init; }

    /// <summary>True when the provider reported no usage and the token counts are an estimate from the text lengths.</summary>
    public bool UsageEstimated { get; init; }

    /// <summary>True when the model has no entry in the price table and the fallback price was used.</summary>
    public bool PriceFallback { get; init; }
    public double DurationSeconds { get; init; }
    public required string ResponseBlob { get; init; }
    public string? PromptBlob { get; init; }
    public string? FinishReason { get; init; }
    public int ResponseLength { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    public UsageTotals Usage => new(InputTokens, OutputTokens, CachedTokens, CostUsd, 1);
}
