using Azure;
using Mge.Engine;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;
using Mge.Workflow;

namespace Mge.Cli.Runs;

/// <summary>Reads runs for <c>mge status</c>, <c>mge list</c> and <c>mge resume</c>: the journal, the orchestration instance and the stored rows.</summary>
public sealed class RunInspector(RunHost host, EmbeddedEngine? engine)
{
    /// <summary>The run's journal record, or null for an unknown id.</summary>
    public async Task<RunRecord?> FindAsync(string runId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(runId))
        {
            return null;
        }

        try
        {
            return await host.Repository.GetRunAsync(runId, cancellationToken);
        }
        catch (ArgumentException)
        {
            // The stores refuse ids that cannot be keys (e.g. with '/' or '..'): no run can have such an id.
            return null;
        }
    }

    /// <summary>Every run in the journal, newest first.</summary>
    public async Task<IReadOnlyList<RunRecord>> ListAsync(CancellationToken cancellationToken)
    {
        var runs = new List<RunRecord>();
        await foreach (var row in host.Repository.Records.QueryAsync<RunRecord>(StorageNames.Runs, StorageNames.RunsPartition, null, cancellationToken))
        {
            runs.Add(row.Value);
        }

        return runs.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.RunId, StringComparer.Ordinal).ToList();
    }

    /// <summary>The orchestration instance currently carrying the run, or null (local run, never scheduled, or the task hub does not exist yet).</summary>
    public async Task<EngineInstanceStatus?> InstanceAsync(RunRecord run, CancellationToken cancellationToken)
    {
        if (engine is null)
        {
            return null;
        }

        try
        {
            return await engine.GetStatusAsync(RunResumer.InstanceId(run.RunId, run.Resumes), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No run was ever scheduled in this task hub, so its instance table is missing.
            return null;
        }
    }

    /// <summary>The overview of <paramref name="run"/>; <paramref name="withCounts"/> also counts its rows (one query per table).</summary>
    public async Task<RunOverview> OverviewAsync(RunRecord run, bool withCounts, CancellationToken cancellationToken)
    {
        var instance = await InstanceAsync(run, cancellationToken);
        var calls = await host.Repository.ListCallsAsync(run.RunId, null, cancellationToken);
        RunCounts? counts = null;
        if (withCounts)
        {
            counts = new RunCounts(
                (await host.Repository.ListTasksAsync(run.RunId, cancellationToken)).Count,
                (await host.Repository.ListAtomsAsync(run.RunId, null, cancellationToken)).Count,
                (await host.Repository.ListResultsAsync(run.RunId, null, cancellationToken)).Count,
                calls.Count,
                (await host.Repository.ListEventsAsync(run.RunId, cancellationToken)).Count);
        }

        var (resumable, note) = Assess(run, instance);
        return new RunOverview
        {
            RunId = run.RunId,
            Status = run.Status,
            OrchestrationStatus = instance?.RuntimeStatus.ToString(),
            InstanceId = RunResumer.InstanceId(run.RunId, run.Resumes),
            Phase = run.CurrentPhase is { } phase ? ProgressEvents.PhaseName(phase) : null,
            Progress = instance?.SerializedCustomStatus is { Length: > 0 } ? instance.ReadCustomStatus<GenerationProgress>() : null,
            Request = run.Request,
            ProjectType = run.Summary?.ProjectType ?? run.Options.ProjectType?.ToString().ToLowerInvariant(),
            ProjectName = run.Summary?.ProjectName,
            CreatedAt = run.CreatedAt,
            UpdatedAt = run.UpdatedAt,
            Counts = counts,
            Usage = Mge.Pipeline.Costs.UsageTotals.Sum(calls.Select(c => c.Usage)),
            FailedPhase = run.FailedPhase is { } failed ? ProgressEvents.PhaseName(failed) : null,
            Error = run.Error,
            WorkspaceZip = run.Status == RunStates.Completed ? run.Summary?.WorkspaceZip : null,
            Resumable = resumable,
            Note = note,
        };
    }

    /// <summary>Whether <c>mge resume</c> can do something for the run, and what.</summary>
    public (bool Resumable, string Note) Assess(RunRecord run, EngineInstanceStatus? instance) => run.Status switch
    {
        RunStates.Completed => (true, "completed: 'mge resume' delivers its zip again"),
        RunStates.Failed => (false, $"failed in {(run.FailedPhase is { } p ? ProgressEvents.PhaseName(p) : "an unknown phase")}: it cannot be resumed; start a new run"),
        RunStates.BudgetExceeded => (true, "stopped at its budget cap: 'mge resume --budget USD' continues it with a higher cap"),
        _ when !host.Storage.IsAzure => (false,
            "running in a local folder: its in-memory engine lives only in the 'mge generate' process; if that process is gone the run was interrupted and cannot be resumed (use --storage for resumable runs)"),
        _ when instance is null => (true, "recorded but never scheduled: 'mge resume' starts it"),
        _ when !instance.IsTerminal => (true, "pending or running: if no 'mge' process is working on it, 'mge resume' continues it"),
        _ when instance.RuntimeStatus == EngineRuntimeStatus.Completed => (true, "completed: 'mge resume' delivers its zip"),
        _ => (false, $"its orchestration ended as {instance.RuntimeStatus}: it cannot be resumed; start a new run"),
    };
}
