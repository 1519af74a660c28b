namespace Mge.Pipeline.Costs;

/// <summary>Tokens and dollars of one or more model calls; adds up from call to task to phase to run.</summary>
public sealed record UsageTotals(long InputTokens, long OutputTokens, long CachedTokens, decimal CostUsd, int Calls)
{
    public static UsageTotals Zero { get; } = new(0, 0, 0, 0m, 0);

    public long TotalTokens => InputTokens + OutputTokens;

    /// <summary>Cached input tokens / input tokens (0..1; 0 without input): how much of the prompts a provider's prompt cache served.</summary>
    public double CachedShare => InputTokens <= 0 ? 0 : Math.Round((double)Math.Min(CachedTokens, InputTokens) / InputTokens, 4);

    public UsageTotals Add(UsageTotals other) => new(
        InputTokens + other.InputTokens,
        OutputTokens + other.OutputTokens,
        CachedTokens + other.CachedTokens,
        CostUsd + other.CostUsd,
        Calls + other.Calls);

    public static UsageTotals Sum(IEnumerable<UsageTotals> items) => items.Aggregate(Zero, (a, b) => a.Add(b));
}
