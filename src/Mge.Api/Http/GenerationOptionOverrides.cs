namespace Mge.Api.Http;

/// <summary>Per-request overrides of the configured generation options; a missing value keeps the configured one.</summary>
public sealed record GenerationOptionOverrides(
    int? Concurrency = null,
    int? MaxWaveSize = null,
    int? MaxRepairAttempts = null,
    int? MaxAtomRepairAttempts = null,
    int? AtomBatchSize = null);
