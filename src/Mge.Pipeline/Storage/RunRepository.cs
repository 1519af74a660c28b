using System.Text;
using Mge.CodeIntelligence.Languages;
using Mge.Pipeline.Costs;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Runs;

namespace Mge.Pipeline.Storage;

/// <summary>
/// Typed access to one run's records and blobs over <see cref="IRecordStore"/> and <see cref="IBlobStore"/>,
/// following the storage layout (tables runs, discovery, masterplans, tasks, atoms, waves, results, calls,
/// events; container "runs" and "workspaces"). Every write is an upsert under a deterministic key.
/// </summary>
public sealed class RunRepository
{
    private readonly IRecordStore _records;
    private readonly IBlobStore _blobs;

    public RunRepository(IRecordStore records, IBlobStore blobs)
    {
        _records = records;
        _blobs = blobs;
    }

    public IRecordStore Records => _records;

    public IBlobStore Blobs => _blobs;

    // Runs

    public Task<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken = default) =>
        _records.GetAsync<RunRecord>(StorageNames.Runs, StorageNames.RunsPartition, runId, cancellationToken);

    public Task SaveRunAsync(RunRecord run, CancellationToken cancellationToken = default) =>
        _records.UpsertAsync(StorageNames.Runs, StorageNames.RunsPartition, run.RunId, run, cancellationToken);

    // Discovery and masterplan

    public Task<DiscoveryRecord?> GetDiscoveryAsync(string runId, CancellationToken cancellationToken = default) =>
        _records.GetAsync<DiscoveryRecord>(StorageNames.Discovery, runId, StorageKeys.DiscoveryRow, cancellationToken);

    public Task SaveDiscoveryAsync(string runId, DiscoveryRecord discovery, CancellationToken cancellationToken = default) =>
        _records.UpsertAsync(StorageNames.Discovery, runId, StorageKeys.DiscoveryRow, discovery, cancellationToken);

    public Task<MasterPlanRecord?> GetMasterPlanAsync(string runId, CancellationToken cancellationToken = default) =>
        _records.GetAsync<MasterPlanRecord>(StorageNames.MasterPlans, runId, StorageKeys.MasterPlanRow, cancellationToken);

    public Task SaveMasterPlanAsync(string runId, MasterPlanRecord plan, CancellationToken cancellationToken = default) =>
        _records.UpsertAsync(StorageNames.MasterPlans, runId, StorageKeys.MasterPlanRow, plan, cancellationToken);

    // Tasks

    public Task<TaskRecord?> GetTaskAsync(string runId, int taskNumber, CancellationToken cancellationToken = default) =>
        _records.GetAsync<TaskRecord>(StorageNames.Tasks, runId, StorageKeys.Task(taskNumber), cancellationToken);

    public Task SaveTaskAsync(string runId, TaskRecord task, CancellationToken cancellationToken = default) =>
        _records.UpsertAsync(StorageNames.Tasks, runId, StorageKeys.Task(task.Number), task, cancellationToken);

    public Task SaveTasksAsync(string runId, IEnumerable<TaskRecord> tasks, CancellationToken cancellationToken = default) =>
        _records.UpsertManyAsync(StorageNames.Tasks, runId, tasks.Select(t => KeyValuePair.Create(StorageKeys.Task(t.Number), t)), cancellationToken);

    /// <summary>All tasks of the run in number order.</summary>
    public Task<IReadOnlyList<TaskRecord>> ListTasksAsync(string runId, CancellationToken cancellationToken = default) =>
        ListAsync<TaskRecord>(StorageNames.Tasks, runId, null, cancellationToken);

    /// <summary>The task that must exist; a missing one is a workflow bug or a wrong run id, so it throws with both named.</summary>
    public async Task<TaskRecord> RequireTaskAsync(string runId, int taskNumber, CancellationToken cancellationToken = default) =>
        await GetTaskAsync(runId, taskNumber, cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException($"Run '{runId}' has no task {taskNumber}; was the masterplan phase run?");

    /// <summary>
    /// Stores a task's files as blobs ("{runId}/tasks/{NNNN}/{path}") and returns their records; the caller puts
    /// them into <see cref="TaskRecord.Files"/> and saves the task (the record is what makes them current).
    /// </summary>
    public async Task<IReadOnlyList<TaskFileRecord>> SaveTaskFilesAsync(string runId, int taskNumber, IReadOnlyList<GeneratedFile> files, CancellationToken cancellationToken = default)
    {
        var records = new List<TaskFileRecord>(files.Count);
        foreach (var file in files)
        {
            var blob = StorageKeys.Blobs.TaskFile(runId, taskNumber, file.Path);
            await _blobs.PutAsync(StorageNames.RunsContainer, blob, Encoding.UTF8.GetBytes(file.Text), cancellationToken).ConfigureAwait(false);
            records.Add(new TaskFileRecord(file.Path, blob, file.PathSource, file.Note, file.Text.Length));
        }

        return records;
    }

    /// <summary>The current files of a task (those its record lists), in path order.</summary>
    public async Task<IReadOnlyList<SourceFile>> GetTaskFilesAsync(string runId, int taskNumber, CancellationToken cancellationToken = default)
    {
        var task = await GetTaskAsync(runId, taskNumber, cancellationToken).ConfigureAwait(false);
        if (task is null)
        {
            return [];
        }

        return (await LoadFilesAsync(task, cancellationToken).ConfigureAwait(false)).Select(f => f.File).ToList();
    }

    /// <summary>Every task's current files, ordered by path (the order the atom file ordinals follow).</summary>
    public async Task<IReadOnlyList<TaskFile>> ListAllTaskFilesAsync(string runId, CancellationToken cancellationToken = default)
    {
        var all = new List<TaskFile>();
        foreach (var task in await ListTasksAsync(runId, cancellationToken).ConfigureAwait(false))
        {
            all.AddRange(await LoadFilesAsync(task, cancellationToken).ConfigureAwait(false));
        }

        all.Sort((a, b) => string.CompareOrdinal(a.File.Path, b.File.Path) is var byPath && byPath != 0 ? byPath : a.TaskNumber.CompareTo(b.TaskNumber));
        return all;
    }

    private async Task<IReadOnlyList<TaskFile>> LoadFilesAsync(TaskRecord task, CancellationToken cancellationToken)
    {
        var files = new List<TaskFile>(task.Files.Count);
        foreach (var record in task.Files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var bytes = await _blobs.GetAsync(StorageNames.RunsContainer, record.Blob, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Task {task.Number} lists file '{record.Path}' but its blob '{record.Blob}' is missing.");
            files.Add(new TaskFile(task.Number, new SourceFile(record.Path, Encoding.UTF8.GetString(bytes)), record));
        }

        return files;
    }

    // Atoms and execution results

    public Task SaveAtomsAsync(string runId, IEnumerable<AtomRecord> atoms, CancellationToken cancellationToken = default) =>
        _records.UpsertManyAsync(StorageNames.Atoms, runId, atoms.Select(a => KeyValuePair.Create(a.RowKey, a)), cancellationToken);

    public Task SaveAtomAsync(string runId, AtomRecord atom, CancellationToken cancellationToken = default) =>
        _records.UpsertAsync(StorageNames.Atoms, runId, atom.RowKey, atom, cancellationToken);

    public Task<AtomRecord?> GetAtomAsync(string runId, string rowKey, CancellationToken cancellationToken = default) =>
        _records.GetAsync<AtomRecord>(StorageNames.Atoms, runId, rowKey, cancellationToken);

    /// <summary>All atoms in row-key order (file ordinal, then index), or those whose key starts with a prefix ("0003-").</summary>
    public Task<IReadOnlyList<AtomRecord>> ListAtomsAsync(string runId, string? rowPrefix = null, CancellationToken cancellationToken = default) =>
        ListAsync<AtomRecord>(StorageNames.Atoms, runId, rowPrefix, cancellationToken);

    public Task SaveResultsAsync(string runId, IEnumerable<ExecutionResult> results, CancellationToken cancellationToken = default) =>
        _records.UpsertManyAsync(StorageNames.Results, runId, results.Select(r => KeyValuePair.Create(r.RowKey, r)), cancellationToken);

    /// <summary>Execution results in row order, of one wave when <paramref name="wave"/> is given.</summary>
    public Task<IReadOnlyList<ExecutionResult>> ListResultsAsync(string runId, int? wave = null, CancellationToken cancellationToken = default) =>
        ListAsync<ExecutionResult>(StorageNames.Results, runId, wave is { } w ? StorageKeys.ResultPrefix(w) : null, cancellationToken);

    // Model calls

    public Task<ModelCallRecord?> GetCallAsync(string runId, string callKey, CancellationToken cancellationToken = default) =>
        _records.GetAsync<ModelCallRecord>(StorageNames.Calls, runId, callKey, cancellationToken);

    public Task SaveCallAsync(string runId, ModelCallRecord call, CancellationToken cancellationToken = default) =>
        _records.UpsertAsync(StorageNames.Calls, runId, call.Key, call, cancellationToken);

    /// <summary>The run's journaled calls in key order, optionally only keys with a prefix ("code-", "repair-0007-").</summary>
    public Task<IReadOnlyList<ModelCallRecord>> ListCallsAsync(string runId, string? keyPrefix = null, CancellationToken cancellationToken = default) =>
        ListAsync<ModelCallRecord>(StorageNames.Calls, runId, keyPrefix, cancellationToken);

    /// <summary>Sum of the journaled calls (all of the run's, or those with a key prefix): the cost roll-up's source of truth.</summary>
    public async Task<UsageTotals> SumCallsAsync(string runId, string? keyPrefix = null, CancellationToken cancellationToken = default) =>
        UsageTotals.Sum((await ListCallsAsync(runId, keyPrefix, cancellationToken).ConfigureAwait(false)).Select(c => c.Usage));

    /// <summary>Usage of one task: its code call plus its repairs.</summary>
    public async Task<UsageTotals> SumTaskCallsAsync(string runId, int taskNumber, CancellationToken cancellationToken = default)
    {
        var code = await SumCallsAsync(runId, StorageKeys.Calls.Code(taskNumber), cancellationToken).ConfigureAwait(false);
        var repairs = await SumCallsAsync(runId, StorageKeys.Calls.RepairPrefix(taskNumber), cancellationToken).ConfigureAwait(false);
        return code.Add(repairs);
    }

    // Events and blobs

    /// <summary>The run's stored progress events in key order (phase by phase).</summary>
    public Task<IReadOnlyList<ProgressEvent>> ListEventsAsync(string runId, CancellationToken cancellationToken = default) =>
        ListAsync<ProgressEvent>(StorageNames.Events, runId, null, cancellationToken);

    public Task PutTextAsync(string container, string name, string text, CancellationToken cancellationToken = default) =>
        _blobs.PutAsync(container, name, Encoding.UTF8.GetBytes(text), cancellationToken);

    public async Task<string?> GetTextAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var bytes = await _blobs.GetAsync(container, name, cancellationToken).ConfigureAwait(false);
        return bytes is null ? null : Encoding.UTF8.GetString(bytes);
    }

    private async Task<IReadOnlyList<T>> ListAsync<T>(string table, string partition, string? prefix, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        await foreach (var row in _records.QueryAsync<T>(table, partition, prefix, cancellationToken).ConfigureAwait(false))
        {
            items.Add(row.Value);
        }

        return items;
    }
}
