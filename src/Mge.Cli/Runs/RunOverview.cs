using Mge.Pipeline.Costs;
using Mge.Workflow;

namespace Mge.Cli.Runs;

/// <summary>
/// One run as <c>mge status</c> and <c>mge list</c> show it: the journal's view (status, phase, error, summary)
/// joined with the orchestration's (runtime status and custom-status progress; null for local runs, whose
/// in-memory engine is gone) and, for status, the stored row counts.
/// </summary>
public sealed record RunOverview
{
    public required string RunId { get; init; }

    /// <summary>The journal's status: running, completed, failed or budget_exceeded.</summary>
    public required string Status { get; init; }

    /// <summary>The orchestration instance's runtime status (Pending, Running, Completed, ...), or null when not tracked (local runs) or never scheduled.</summary>
    public string? OrchestrationStatus { get; init; }

    /// <summary>The orchestration instance id (the run id, or "{runId}:rN" after budget resumes).</summary>
    public required string InstanceId { get; init; }

    /// <summary>snake_case phase name the journal last recorded.</summary>
    public string? Phase { get; init; }

    public GenerationProgress? Progress { get; init; }

    public required string Request { get; init; }

    public string? ProjectType { get; init; }

    public string? ProjectName { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Rows in the run's tables; null when not counted (list).</summary>
    public RunCounts? Counts { get; init; }

    /// <summary>Sum of the run's journaled model calls.</summary>
    public required UsageTotals Usage { get; init; }

    public string? FailedPhase { get; init; }

    public string? Error { get; init; }

    /// <summary>Blob name of the zipped workspace (container "workspaces") once delivered.</summary>
    public string? WorkspaceZip { get; init; }

    /// <summary>True when <c>mge resume</c> can continue or deliver the run.</summary>
    public bool Resumable { get; init; }

    /// <summary>What <c>mge resume</c> would do, or why it cannot, in one sentence.</summary>
    public required string Note { get; init; }
}

/// <summary>Rows stored for a run: plan tasks, atoms, execution results, journaled model calls, progress events.</summary>
public sealed record RunCounts(int Tasks, int Atoms, int Results, int Calls, int Events);
