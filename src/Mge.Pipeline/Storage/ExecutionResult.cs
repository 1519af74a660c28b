namespace Mge.Pipeline.Storage;

/// <summary>
/// The outcome of checking (and possibly repairing) one atom in its wave (table "results", partition run id,
/// row "{wave:D4}-{atom row key}"), the seed's execution_results row.
/// </summary>
public sealed record ExecutionResult
{
    public required int Wave { get; init; }

    /// <summary>The atom's row key in table "atoms".</summary>
    public required string Atom { get; init; }

    /// <summary>One of <see cref="AtomStates"/> (passed, repaired, failed).</summary>
    public required string Status { get; init; }
    public string Output { get; init; } = "";
    public string? Error { get; init; }
    public double DurationSeconds { get; init; }
    public int Attempts { get; init; }

    public string RowKey => StorageKeys.Result(Wave, Atom);
}
