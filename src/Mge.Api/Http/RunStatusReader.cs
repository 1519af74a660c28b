using System.Text.Json.Nodes;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;

namespace Mge.Api.Http;

/// <summary>
/// Builds <see cref="RunStatusView"/> from storage. A run with a summary (completed, or stopped with a partial
/// summary) shows it (counts, usage, measured phase timings); a running or failed one is read from what it has stored so far: usage from the journaled
/// model calls, counts and phase start times from its progress events (one partition read each).
/// </summary>
public sealed class RunStatusReader(RunRepository repository, TimeProvider time)
{
    public async Task<RunStatusView?> ReadAsync(string runId, RunLinks links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(links);
        var run = await repository.GetRunAsync(runId, cancellationToken);
        if (run is null)
        {
            return null;
        }

        if (run.Summary is { } summary)
        {
            return new RunStatusView(
                run.RunId,
                run.Status,
                PhaseName(run.CurrentPhase),
                PhaseName(run.FailedPhase),
                run.Error,
                summary.ProjectName,
                summary.ProjectType,
                summary.Model,
                new RunCounts(
                    summary.Tasks, summary.TasksFailed, summary.Atoms, summary.Waves, summary.Files, summary.Precision,
                    summary.TestsPassed, summary.TestsFailed, summary.TestsNotRun, summary.TestsStatus, summary.SmokeStatus, summary.Isolation),
                Usage(summary.Usage),
                summary.PhaseSeconds,
                summary.TotalSeconds,
                "summary",
                run.CreatedAt,
                run.UpdatedAt,
                run.Status == RunStates.Completed ? links.Workspace : null,
                links);
        }

        var events = await repository.ListEventsAsync(runId, cancellationToken);
        var usage = await repository.SumCallsAsync(runId, null, cancellationToken);
        var end = run.Status == RunStates.Running ? time.GetUtcNow() : run.UpdatedAt;
        return new RunStatusView(
            run.RunId,
            run.Status,
            PhaseName(run.CurrentPhase),
            PhaseName(run.FailedPhase),
            run.Error,
            null,
            ProjectTypeOf(run, events),
            run.Model,
            CountsFrom(events),
            Usage(usage),
            PhaseSecondsFrom(events, end),
            null,
            "events",
            run.CreatedAt,
            run.UpdatedAt,
            null,
            links);
    }

    private static RunUsage Usage(Mge.Pipeline.Costs.UsageTotals usage) =>
        new(usage.InputTokens, usage.OutputTokens, usage.CachedTokens, usage.Calls, usage.CostUsd);

    private static string? PhaseName(PipelinePhase? phase) => phase is { } p ? ProgressEvents.PhaseName(p) : null;

    private static string? ProjectTypeOf(RunRecord run, IReadOnlyList<ProgressEvent> events) =>
        Latest(events, ProgressEvents.InfrastructureGenerationCompleteType, "project_type")?.GetValue<string>()
        ?? (run.Options.ProjectType is { } type ? Mge.Pipeline.Requests.ProjectTypeParser.Name(type) : null);

    /// <summary>The counts the events so far carry: totals from each phase's completion event, progress otherwise.</summary>
    internal static RunCounts CountsFrom(IReadOnlyList<ProgressEvent> events)
    {
        var tasks = Int(Latest(events, ProgressEvents.CodeGenerationCompleteType, "total_tasks"))
            ?? Int(Latest(events, ProgressEvents.MasterPlanGenerationCompleteType, "total_tasks"))
            ?? 0;
        var tasksFailed = Int(Latest(events, ProgressEvents.CodeGenerationCompleteType, "tasks_failed")) ?? 0;
        var atoms = Int(Latest(events, ProgressEvents.AtomizationCompleteType, "total_atoms"))
            ?? events.Where(e => e.Type == ProgressEvents.AtomizationProgressType).Sum(e => Int(e.Data["atoms_created"]) ?? 0);
        var waves = events.Where(e => e.Type is ProgressEvents.ExecutionWaveStartType or ProgressEvents.ExecutionCompleteType)
            .Select(e => Int(e.Data["total_waves"]) ?? 0)
            .DefaultIfEmpty(0)
            .Max();
        var files = events.Where(e => e.Type == ProgressEvents.FileWritingProgressType)
            .Select(e => Int(e.Data["total_files"]) ?? Int(e.Data["files_written"]) ?? 0)
            .DefaultIfEmpty(0)
            .Max();
        var precision = Latest(events, ProgressEvents.ExecutionCompleteType, "precision")?.GetValue<double>();
        var test = events.LastOrDefault(e => e.Type == ProgressEvents.VerificationStepCompleteType && e.Data["step"]?.GetValue<string>() == "test");
        var smoke = events.LastOrDefault(e => e.Type == ProgressEvents.VerificationStepCompleteType && e.Data["step"]?.GetValue<string>() == "smoke");
        return new RunCounts(
            tasks, tasksFailed, atoms, waves, files, precision,
            Int(test?.Data["passed"]) ?? 0, Int(test?.Data["failed"]) ?? 0, Int(test?.Data["not_run"]) ?? 0,
            test?.Data["status"]?.GetValue<string>(), smoke?.Data["status"]?.GetValue<string>(), (test ?? smoke)?.Data["isolation"]?.GetValue<string>());
    }

    /// <summary>
    /// Seconds per phase from the events: a phase starts at its first event and lasts until the next phase's first
    /// event (the last one until <paramref name="end"/>). An approximation for runs without a summary.
    /// </summary>
    internal static IReadOnlyDictionary<string, double> PhaseSecondsFrom(IReadOnlyList<ProgressEvent> events, DateTimeOffset end)
    {
        var starts = events
            .Select(e => (Phase: PhaseOfKey(e.Key), e.Timestamp))
            .Where(x => x.Phase is not null)
            .GroupBy(x => x.Phase!.Value)
            .Select(g => (Phase: g.Key, Start: g.Min(x => x.Timestamp)))
            .OrderBy(x => x.Phase)
            .ToList();
        var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < starts.Count; i++)
        {
            var until = i + 1 < starts.Count ? starts[i + 1].Start : end;
            seconds[ProgressEvents.PhaseName(starts[i].Phase)] = Math.Round(Math.Max(0, (until - starts[i].Start).TotalSeconds), 3);
        }

        return seconds;
    }

    /// <summary>The phase an event key starts with ("03-..." is code generation), or null for a key that does not.</summary>
    private static PipelinePhase? PhaseOfKey(string key) =>
        key.Length > 2 && key[2] == '-' && int.TryParse(key.AsSpan(0, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ordinal)
            && Enum.IsDefined(typeof(PipelinePhase), ordinal)
            ? (PipelinePhase)ordinal
            : null;

    private static JsonNode? Latest(IReadOnlyList<ProgressEvent> events, string type, string field) =>
        events.Where(e => e.Type == type && e.Data[field] is not null)
            .OrderBy(e => e.Sequence)
            .ThenBy(e => e.Key, StringComparer.Ordinal)
            .LastOrDefault()?.Data[field];

    private static int? Int(JsonNode? node) => node is JsonValue value && value.TryGetValue<int>(out var number) ? number
        : node is JsonValue longValue && longValue.TryGetValue<long>(out var big) ? (int)Math.Min(big, int.MaxValue)
        : null;
}
