namespace Mge.Pipeline.Runs;

/// <summary>The values of <see cref="RunRecord.Status"/>.</summary>
public static class RunStates
{
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
}
