namespace Mge.Pipeline.Runs;

/// <summary>What a caller polling a run sees: its state, the phase it is in, the error if it failed and the summary once complete.</summary>
public sealed record RunStatus(
    string RunId,
    string Status,
    PipelinePhase? CurrentPhase,
    string? Error,
    GenerationSummary? Summary,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
