using Mge.Pipeline.Domain;

namespace Mge.Pipeline.Runs;

/// <summary>
/// One generation run (table "runs", partition "runs", row = run id): the request as asked, its options, and
/// where the run stands. The run id doubles as the seed's session id, discovery id and masterplan id.
/// </summary>
public sealed record RunRecord
{
    public required string RunId { get; init; }
    public string UserId { get; init; } = "local";
    public required string Request { get; init; }
    public required GenerationOptions Options { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>One of <see cref="RunStates"/>.</summary>
    public string Status { get; init; } = RunStates.Running;
    public PipelinePhase? CurrentPhase { get; init; }
    public PipelinePhase? FailedPhase { get; init; }
    public string? Error { get; init; }

    /// <summary>The model that answered the run's calls (the last one seen), for the summary.</summary>
    public string? Model { get; init; }

    /// <summary>How many times the run was resumed after stopping at its budget cap (each resume is a new orchestration instance over the same run id).</summary>
    public int Resumes { get; init; }

    /// <summary>Set by <see cref="RunJournal.CompleteAsync"/>, or the partial figures when the run stopped at its budget cap.</summary>
    public GenerationSummary? Summary { get; init; }
}
