using System.Globalization;
using System.Text.Json.Nodes;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Runs;

namespace Mge.Cli.Generation;

/// <summary>
/// The state behind the progress display, fed by the run's progress events: one row per phase with
/// done/total, plus tokens and cost so far. Events arrive from several activities at once and sometimes out
/// of order, so counts only move forward and the board is locked on every access. Rendering (live bars or
/// plain lines) reads <see cref="Snapshot"/>.
/// </summary>
public sealed class RunProgressBoard
{
    /// <summary>The rows in display order and the phase whose events drive each.</summary>
    public static IReadOnlyList<(string Name, PipelinePhase Phase)> Rows { get; } =
    [
        ("discovery", PipelinePhase.Discovery),
        ("masterplan", PipelinePhase.MasterPlan),
        ("code generation", PipelinePhase.CodeGeneration),
        ("validation", PipelinePhase.Validation),
        ("atomization", PipelinePhase.Atomization),
        ("waves", PipelinePhase.WavePlanning),
        ("execution", PipelinePhase.WaveExecution),
        ("files", PipelinePhase.FileWriting),
        ("infrastructure", PipelinePhase.Infrastructure),
        ("verification", PipelinePhase.Verification),
        ("delivery", PipelinePhase.Delivery),
    ];

    private readonly object gate = new();
    private readonly PhaseRow[] rows;
    private readonly HashSet<int> wavesCompleted = [];
    private int atomsExecuted;
    private int totalAtoms;

    public RunProgressBoard()
    {
        rows = Rows.Select(r => new PhaseRow(r.Name, PhaseRowState.Pending, 0, 0, "")).ToArray();
    }

    /// <summary>Tokens in/out/cached and dollars so far, from <c>cost_update</c> events.</summary>
    public (long Input, long Output, long Cached, decimal CostUsd) Usage { get; private set; }

    /// <summary>Tasks that failed the first validation, and the repair rounds run after it (from <c>code_validation_complete</c>).</summary>
    public RepairReport Repairs { get; private set; } = new(0, 0);

    /// <summary>The last <c>error</c> event's phase and message, when one arrived.</summary>
    public (string Phase, string Message)? LastError { get; private set; }

    /// <summary>A consistent copy of the rows, in display order.</summary>
    public IReadOnlyList<PhaseRow> Snapshot()
    {
        lock (gate)
        {
            return rows.ToArray();
        }
    }

    /// <summary>Updates the board from one event; returns the display name of the row it touched (null for cost and unknown events).</summary>
    public string? Apply(ProgressEvent progressEvent)
    {
        ArgumentNullException.ThrowIfNull(progressEvent);
        lock (gate)
        {
            var data = progressEvent.Data;
            var phase = PhaseOf(progressEvent.Key);
            if (phase is { } p && progressEvent.Type != ProgressEvents.ErrorType)
            {
                CompleteRowsBefore(p);
            }

            switch (progressEvent.Type)
            {
                case ProgressEvents.DiscoveryGenerationStartType:
                    return Set(PipelinePhase.Discovery, PhaseRowState.Running, 0, 1, "analysing the request");
                case ProgressEvents.DiscoveryEntityDiscoveredType:
                    return Set(PipelinePhase.Discovery, PhaseRowState.Running, 0, 1, $"{Text(data, "entity_type").Replace('_', ' ')} {Text(data, "name")}");
                case ProgressEvents.DiscoveryGenerationCompleteType:
                    return Set(PipelinePhase.Discovery, PhaseRowState.Done, 1, 1,
                        $"{Int(data, "total_bounded_contexts")} contexts, {Int(data, "total_aggregates")} aggregates, {Int(data, "total_entities")} entities");
                case ProgressEvents.MasterPlanGenerationStartType:
                    return Set(PipelinePhase.MasterPlan, PhaseRowState.Running, 0, 1, "planning");
                case ProgressEvents.MasterPlanEntityDiscoveredType:
                    return Set(PipelinePhase.MasterPlan, PhaseRowState.Running, 0, 1, $"{Int(data, "count")} {Text(data, "entity_type")}(s)");
                case ProgressEvents.MasterPlanGenerationCompleteType:
                    var tasks = Int(data, "total_tasks");
                    Set(PipelinePhase.CodeGeneration, PhaseRowState.Pending, 0, tasks, "");
                    return Set(PipelinePhase.MasterPlan, PhaseRowState.Done, 1, 1,
                        $"{Int(data, "total_phases")} phases, {Int(data, "total_milestones")} milestones, {tasks} tasks");
                case ProgressEvents.CodeGenerationProgressType:
                    var (generated, ofTasks) = Fraction(data);
                    return Advance(PipelinePhase.CodeGeneration, generated, ofTasks,
                        $"task {Int(data, "task_number")} {Text(data, "task_title")}{(Bool(data, "success") ? "" : " (failed)")}");
                case ProgressEvents.CodeGenerationCompleteType:
                    var total = Int(data, "total_tasks");
                    return Set(PipelinePhase.CodeGeneration, PhaseRowState.Done, total, total,
                        $"{Int(data, "tasks_succeeded")} succeeded, {Int(data, "tasks_failed")} failed");
                case ProgressEvents.CodeValidationCompleteType:
                    var checkedTasks = Int(data, "total_tasks");
                    var failing = Int(data, "failing_tasks");
                    var round = Int(data, "round");
                    Repairs = round == 0
                        ? Repairs with { TasksFailingFirstCheck = failing }
                        : Repairs with { RepairRounds = Math.Max(Repairs.RepairRounds, round) };
                    return Set(PipelinePhase.Validation, failing == 0 ? PhaseRowState.Done : PhaseRowState.Running, checkedTasks - failing, checkedTasks,
                        $"{(round == 0 ? "first check" : $"after repair round {round}")}: {Int(data, "validation_errors")} errors, {Int(data, "warnings")} warnings");
                case ProgressEvents.AtomizationProgressType:
                    var (atomizedTasks, ofAtomTasks) = Fraction(data);
                    return Advance(PipelinePhase.Atomization, atomizedTasks, ofAtomTasks, $"task {Int(data, "task_number")}: {Int(data, "atoms_created")} atoms");
                case ProgressEvents.AtomizationCompleteType:
                    totalAtoms = Int(data, "total_atoms");
                    var atomTasks = Int(data, "total_tasks");
                    Set(PipelinePhase.WaveExecution, PhaseRowState.Pending, 0, totalAtoms, "");
                    return Set(PipelinePhase.Atomization, PhaseRowState.Done, atomTasks, atomTasks, $"{totalAtoms} atoms");
                case ProgressEvents.ExecutionWaveStartType:
                    var totalWaves = Int(data, "total_waves");
                    Set(PipelinePhase.WavePlanning, PhaseRowState.Running, wavesCompleted.Count, totalWaves,
                        $"wave {Int(data, "wave_number")} of {totalWaves}: {Int(data, "atoms_in_wave")} atoms");
                    return Set(PipelinePhase.WaveExecution, PhaseRowState.Running, atomsExecuted, totalAtoms, Row(PipelinePhase.WaveExecution).Detail);
                case ProgressEvents.ExecutionWaveCompleteType:
                    if (wavesCompleted.Add(Int(data, "wave_number")))
                    {
                        atomsExecuted += Int(data, "atoms_succeeded") + Int(data, "atoms_failed");
                    }

                    var waveRow = Row(PipelinePhase.WavePlanning);
                    Set(PipelinePhase.WavePlanning, PhaseRowState.Running, wavesCompleted.Count, Math.Max(waveRow.Total, wavesCompleted.Count), waveRow.Detail);
                    return Set(PipelinePhase.WaveExecution, PhaseRowState.Running, atomsExecuted, Math.Max(totalAtoms, atomsExecuted),
                        $"wave {Int(data, "wave_number")}: {Int(data, "atoms_succeeded")} ok ({Int(data, "atoms_repaired")} repaired), {Int(data, "atoms_failed")} failed");
                case ProgressEvents.ExecutionCompleteType:
                    var waves = Int(data, "total_waves");
                    var atoms = Int(data, "total_atoms");
                    Set(PipelinePhase.WavePlanning, PhaseRowState.Done, waves, waves, $"{waves} waves");
                    return Set(PipelinePhase.WaveExecution, PhaseRowState.Done, atoms, atoms,
                        $"{Int(data, "atoms_passed")} passed, {Int(data, "atoms_repaired")} repaired, {Int(data, "atoms_failed")} failed; precision {Double(data, "precision").ToString("P1", CultureInfo.InvariantCulture)}");
                case ProgressEvents.FileWritingProgressType:
                    var written = Int(data, "files_written");
                    var files = data.ContainsKey("total_files") ? Int(data, "total_files") : 0;
                    return Advance(PipelinePhase.FileWriting, written, files, $"{written} files");
                case ProgressEvents.InfrastructureGenerationCompleteType:
                    var generatedFiles = Int(data, "files_generated");
                    return Set(PipelinePhase.Infrastructure, PhaseRowState.Done, generatedFiles, generatedFiles, $"{generatedFiles} files ({Text(data, "project_type")})");
                case ProgressEvents.VerificationStepStartType:
                    return Set(PipelinePhase.Verification, PhaseRowState.Running, Row(PipelinePhase.Verification).Done, 3, $"{Text(data, "step")}...");
                case ProgressEvents.VerificationStepCompleteType:
                    var step = Text(data, "step");
                    var stepsDone = Math.Max(Row(PipelinePhase.Verification).Done, step switch { "install" => 1, "test" => 2, _ => 3 });
                    var counts = step == "install" ? "" : $" ({Int(data, "passed")} passed, {Int(data, "failed")} failed, {Int(data, "not_run")} not run)";
                    return Set(PipelinePhase.Verification, stepsDone == 3 ? PhaseRowState.Done : PhaseRowState.Running, stepsDone, 3, $"{step}: {Text(data, "status")}{counts}");
                case ProgressEvents.CompleteType:
                    CompleteRowsBefore(PipelinePhase.Delivery);
                    return Set(PipelinePhase.Delivery, PhaseRowState.Done, 1, 1, "workspace zipped");
                case ProgressEvents.CostUpdateType:
                    Usage = (Long(data, "total_tokens_input"), Long(data, "total_tokens_output"), Long(data, "total_tokens_cached"), Decimal(data, "total_cost_usd"));
                    return null;
                case ProgressEvents.ErrorType:
                    var message = Text(data, "message");
                    LastError = (Text(data, "phase"), message);
                    if (phase is { } failedPhase && RowIndex(failedPhase) is { } index)
                    {
                        rows[index] = rows[index] with { State = PhaseRowState.Failed, Detail = message };
                        return rows[index].Name;
                    }

                    return null;
                default:
                    if (phase is { } other && RowIndex(other) is { } otherIndex && rows[otherIndex].State == PhaseRowState.Pending)
                    {
                        rows[otherIndex] = rows[otherIndex] with { State = PhaseRowState.Running };
                    }

                    return null;
            }
        }
    }

    /// <summary>The phase ordinal a key starts with ("03-code_generation_progress-0007" is code generation).</summary>
    public static PipelinePhase? PhaseOf(string key) =>
        key.Length >= 3 && key[2] == '-' && int.TryParse(key.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal)
            && Enum.IsDefined(typeof(PipelinePhase), ordinal)
            ? (PipelinePhase)ordinal
            : null;

    // An event of a later phase means every earlier phase is over, even those that publish no "complete"
    // event of their own (file writing) or whose last event was lost to a replay.
    private void CompleteRowsBefore(PipelinePhase phase)
    {
        for (var i = 0; i < rows.Length; i++)
        {
            var rowPhase = Rows[i].Phase;
            // The waves row is driven by execution events, so it is over only when execution is.
            var endsWith = rowPhase == PipelinePhase.WavePlanning ? PipelinePhase.WaveExecution : rowPhase;
            if (endsWith < phase && rows[i].State is PhaseRowState.Pending or PhaseRowState.Running)
            {
                var total = Math.Max(rows[i].Total, rows[i].Done);
                rows[i] = rows[i] with { State = PhaseRowState.Done, Done = total, Total = total };
            }
        }
    }

    private string Set(PipelinePhase phase, PhaseRowState state, int done, int total, string detail)
    {
        var index = RowIndex(phase)!.Value;
        if (rows[index].State == PhaseRowState.Done && state != PhaseRowState.Done)
        {
            // A late event of a finished phase (activities complete out of order) must not reopen it.
            return rows[index].Name;
        }

        rows[index] = rows[index] with { State = state, Done = done, Total = total, Detail = detail };
        return rows[index].Name;
    }

    private string Advance(PipelinePhase phase, int done, int total, string detail)
    {
        var row = Row(phase);
        return Set(phase, PhaseRowState.Running, Math.Max(row.Done, done), Math.Max(row.Total, total), detail);
    }

    private PhaseRow Row(PipelinePhase phase) => rows[RowIndex(phase)!.Value];

    private static int? RowIndex(PipelinePhase phase)
    {
        for (var i = 0; i < Rows.Count; i++)
        {
            if (Rows[i].Phase == phase)
            {
                return i;
            }
        }

        return null;
    }

    private static (int Done, int Total) Fraction(JsonObject data)
    {
        var text = Text(data, "progress");
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash > 0
            && int.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var done)
            && int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var total)
            ? (done, total)
            : (0, 0);
    }

    private static string Text(JsonObject data, string name) =>
        data[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";

    private static bool Bool(JsonObject data, string name) =>
        data[name] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    private static int Int(JsonObject data, string name) => (int)Long(data, name);

    private static long Long(JsonObject data, string name) => (long)Double(data, name);

    // Events built in-process hold CLR primitives (int, long, decimal, double); events read back from storage
    // hold JSON elements. TryGetValue only converts the latter, so each numeric type is tried in turn.
    private static double Double(JsonObject data, string name)
    {
        if (data[name] is not JsonValue value)
        {
            return 0;
        }

        if (value.TryGetValue<double>(out var d))
        {
            return d;
        }

        if (value.TryGetValue<long>(out var l))
        {
            return l;
        }

        if (value.TryGetValue<int>(out var i))
        {
            return i;
        }

        return value.TryGetValue<decimal>(out var m) ? (double)m : 0;
    }

    private static decimal Decimal(JsonObject data, string name) =>
        data[name] is JsonValue value && value.TryGetValue<decimal>(out var m) ? m : (decimal)Double(data, name);
}
