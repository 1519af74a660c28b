namespace Mge.Pipeline.Runs;

/// <summary>The values of <see cref="RunRecord.Status"/>.</summary>
public static class RunStates
{
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";

    /// <summary>Stopped because the next model call would have passed the run's budget cap; everything done so far is kept and the run can be resumed with a higher cap.</summary>
    public const string BudgetExceeded = "budget_exceeded";
}
