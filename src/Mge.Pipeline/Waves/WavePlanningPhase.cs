using System.Text.Json.Nodes;
using Mge.CodeIntelligence.Graph;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;

namespace Mge.Pipeline.Waves;

/// <summary>
/// Phase 6: builds the atoms' dependency graph, orders it into waves (<see cref="WavePlanner"/>), stores each
/// atom's wave and the plan, and reports the cycles it had to break (in the stored plan and in a
/// <c>wave_planning_complete</c> event).
/// </summary>
public sealed class WavePlanningPhase
{
    /// <summary>Event type of the planning summary (not in the seed's catalogue, which has no phase-6 event).</summary>
    public const string WavePlanningCompleteType = "wave_planning_complete";

    private readonly RunRepository _repository;
    private readonly WavePlanStore _plans;
    private readonly RunJournal _journal;
    private readonly IProgressPublisher _progress;

    public WavePlanningPhase(RunRepository repository, RunJournal journal, WavePlanStore plans, IProgressPublisher progress)
    {
        _repository = repository;
        _plans = plans;
        _journal = journal;
        _progress = progress;
    }

    public async Task<WavePlanOutline> PlanAsync(string runId, int maxWaveSize, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWaveSize, 1);
        await _journal.MarkPhaseAsync(runId, PipelinePhase.WavePlanning, cancellationToken).ConfigureAwait(false);

        var records = await _repository.ListAtomsAsync(runId, null, cancellationToken).ConfigureAwait(false);
        var atoms = records.Select(r => r.ToAtom()).ToList();
        var plan = WavePlanner.Plan(atoms, maxWaveSize);

        // The planner speaks Atom.Id ("app/main.py#3"); storage speaks row keys ("0003-00003").
        var rowKeyOf = records.ToDictionary(r => r.ToAtom().Id, r => r.RowKey, StringComparer.Ordinal);
        string Key(string atomId) => rowKeyOf.TryGetValue(atomId, out var key)
            ? key
            : throw new InvalidOperationException($"The wave planner returned atom '{atomId}', which is not one of run '{runId}''s atoms.");

        var waves = plan.Waves.Select(w => (IReadOnlyList<string>)w.Select(Key).ToList()).ToList();
        var cycles = plan.Cycles.Select(c => new WaveCycle(
            c.AtomIds.Select(Key).ToList(),
            c.BrokenEdges.Select(e => new WaveEdge(Key(e.From), Key(e.To), e.Symbol)).ToList())).ToList();

        var waveOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < waves.Count; i++)
        {
            foreach (var key in waves[i])
            {
                waveOf[key] = i + 1;
            }
        }

        var missing = records.Where(r => !waveOf.ContainsKey(r.RowKey)).Select(r => r.RowKey).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"The wave plan of run '{runId}' left {missing.Count} atom(s) without a wave, e.g. {missing[0]}.");
        }

        await _repository.SaveAtomsAsync(runId, records.Select(r => r with { Wave = waveOf[r.RowKey] }), cancellationToken).ConfigureAwait(false);

        var record = new WavePlanRecord
        {
            Waves = waves,
            AtomsPerWave = waves.Select(w => w.Count).ToList(),
            Edges = plan.Edges.Count,
            Cycles = cycles,
            MaxWaveSize = maxWaveSize,
        };
        await _plans.SaveAsync(runId, record, cancellationToken).ConfigureAwait(false);
        await _progress.PublishAsync(PlanningComplete(runId, record), cancellationToken).ConfigureAwait(false);

        return new WavePlanOutline(record.AtomsPerWave, record.Edges, cycles.Count);
    }

    private static ProgressEvent PlanningComplete(string runId, WavePlanRecord plan)
    {
        var cycles = new JsonArray(plan.Cycles.Select(c => (JsonNode?)new JsonObject
        {
            ["atoms"] = new JsonArray(c.Atoms.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()),
            ["broken_edges"] = new JsonArray(c.BrokenEdges.Select(e => (JsonNode?)new JsonObject
            {
                ["from"] = e.From,
                ["to"] = e.To,
                ["symbol"] = e.Symbol,
            }).ToArray()),
        }).ToArray());

        return new ProgressEvent(
            runId,
            ProgressEvents.Key(PipelinePhase.WavePlanning, WavePlanningCompleteType, ProgressEvents.RunSubject),
            WavePlanningCompleteType,
            DateTimeOffset.UtcNow,
            new JsonObject
            {
                ["masterplan_id"] = runId,
                ["total_waves"] = plan.WaveCount,
                ["total_atoms"] = plan.AtomsPerWave.Sum(),
                ["total_edges"] = plan.Edges,
                ["max_wave_size"] = plan.MaxWaveSize,
                ["cycles"] = cycles,
            });
    }
}
