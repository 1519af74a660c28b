namespace Mge.Api.Http;

/// <summary>
/// The answer of <c>GET /api/projects/{id}</c>: where the run stands (status running|completed|failed, the phase
/// it is in, the phase it failed in and why), its counts, model usage and cost, seconds per phase, and once
/// completed the workspace download link.
/// </summary>
/// <param name="TimingsSource">"summary" (measured by the orchestrator, completed runs) or "events" (from the first event of each phase, while running or after a failure).</param>
public sealed record RunStatusView(
    string Id,
    string Status,
    string? Phase,
    string? FailedPhase,
    string? Error,
    string? ProjectName,
    string? ProjectType,
    string? Model,
    RunCounts Counts,
    RunUsage Usage,
    IReadOnlyDictionary<string, double> PhaseSeconds,
    double? TotalSeconds,
    string TimingsSource,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? DownloadUrl,
    RunLinks Links);

/// <summary>
/// What the run has produced so far (zeros for what it has not reached; precision once waves ran; the project's own
/// tests and smoke once verification ran: status "passed", "failed: ..." or "not run: ...", null before).
/// </summary>
public sealed record RunCounts(
    int Tasks,
    int TasksFailed,
    int Atoms,
    int Waves,
    int Files,
    double? Precision,
    int TestsPassed = 0,
    int TestsFailed = 0,
    int TestsNotRun = 0,
    string? TestsStatus = null,
    string? SmokeStatus = null,
    string? Isolation = null);

/// <summary>Model usage of the run: tokens in, out and cached (part of in), calls, and their cost in USD.</summary>
public sealed record RunUsage(long TokensIn, long TokensOut, long TokensCached, int Calls, decimal CostUsd);
