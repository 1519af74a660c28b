namespace Mge.Pipeline.Storage;

/// <summary>The values of <see cref="AtomRecord.Status"/> and <see cref="ExecutionResult.Status"/>.</summary>
public static class AtomStates
{
    public const string Pending = "pending";
    public const string Passed = "passed";
    public const string Repaired = "repaired";
    public const string Failed = "failed";
}
