namespace Mge.Pipeline.Domain;

/// <summary>
/// Per-request overrides of the configured generation options; a missing value keeps the configured one.
/// <paramref name="BudgetUsd"/> caps the run's model spend (USD): the run stops cleanly there, resumable.
/// </summary>
public sealed record GenerationOptionOverrides(
    int? Concurrency = null,
    int? MaxWaveSize = null,
    int? MaxRepairAttempts = null,
    int? MaxAtomRepairAttempts = null,
    int? AtomBatchSize = null,
    decimal? BudgetUsd = null)
{
    /// <summary><paramref name="defaults"/> with every value this caller set.</summary>
    public GenerationOptions ApplyTo(GenerationOptions defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        return defaults with
        {
            Concurrency = Concurrency ?? defaults.Concurrency,
            MaxWaveSize = MaxWaveSize ?? defaults.MaxWaveSize,
            MaxRepairAttempts = MaxRepairAttempts ?? defaults.MaxRepairAttempts,
            MaxAtomRepairAttempts = MaxAtomRepairAttempts ?? defaults.MaxAtomRepairAttempts,
            AtomBatchSize = AtomBatchSize ?? defaults.AtomBatchSize,
            BudgetUsd = BudgetUsd ?? defaults.BudgetUsd,
        };
    }
}
