namespace Mge.Api.Http;

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
    decimal? BudgetUsd = null);
