namespace Mge.Pipeline.Domain;

/// <summary>
/// The ranges a caller may set per run: wide enough for any real use, narrow enough that one request cannot ask
/// for a fan-out the model's rate limit (or the orchestration history) could never carry.
/// </summary>
public static class GenerationOptionLimits
{
    public const int MaxConcurrency = 64;
    public const int MaxWaveSize = 10_000;
    public const int MaxRepairAttempts = 10;
    public const int MaxAtomBatchSize = 1_000;

    /// <summary>The largest budget cap a request may set (USD); a guard against typos, far above any real run.</summary>
    public const decimal MaxBudgetUsd = 10_000m;
}
