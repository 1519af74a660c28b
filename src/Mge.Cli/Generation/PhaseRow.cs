namespace Mge.Cli.Generation;

/// <summary>One row of the progress display: a phase, how far it got (done of total, when known) and a short detail.</summary>
/// <param name="Total">0 while the total is not known yet.</param>
public sealed record PhaseRow(string Name, PhaseRowState State, int Done, int Total, string Detail);

/// <summary>Where a phase row stands.</summary>
public enum PhaseRowState
{
    Pending,
    Running,
    Done,
    Failed,
}
