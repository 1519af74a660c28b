namespace Mge.Pipeline.Domain;

/// <summary>Per-run knobs, chosen by the caller and carried in the orchestration input (small, deterministic).</summary>
public sealed record GenerationOptions
{
    /// <summary>Null: detected from the request.</summary>
    public ProjectType? ProjectType { get; init; }

    /// <summary>At most this many model calls in flight during code generation.</summary>
    public int Concurrency { get; init; } = 10;

    /// <summary>Waves larger than this are split.</summary>
    public int MaxWaveSize { get; init; } = 50;

    /// <summary>Regenerations of a task whose code fails validation.</summary>
    public int MaxRepairAttempts { get; init; } = 2;

    /// <summary>Repairs of an atom that fails its check during wave execution.</summary>
    public int MaxAtomRepairAttempts { get; init; } = 2;

    /// <summary>Atoms handled by one wave-execution activity.</summary>
    public int AtomBatchSize { get; init; } = 25;

    /// <summary>Budget cap of this run in USD; null: the pipeline's default (Mge:Pipeline:RunCapUsd); 0: no cap.</summary>
    public decimal? BudgetUsd { get; init; }
}
