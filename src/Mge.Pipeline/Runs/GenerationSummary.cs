using Mge.Pipeline.Costs;

namespace Mge.Pipeline.Runs;

/// <summary>The run's final figures: what the CLI prints, the HTTP API returns and the <c>complete</c> event carries.</summary>
public sealed record GenerationSummary
{
    public required string RunId { get; init; }
    public required string ProjectName { get; init; }
    public required string ProjectType { get; init; }
    public required string Model { get; init; }
    public int Tasks { get; init; }
    public int TasksFailed { get; init; }
    public int Atoms { get; init; }
    public int Waves { get; init; }
    public int AtomsPassed { get; init; }
    public int AtomsRepaired { get; init; }
    public int AtomsFailed { get; init; }
    /// <summary>(passed + repaired) / atoms, 0..1.</summary>
    public double Precision { get; init; }
    public int Files { get; init; }
    public IReadOnlyList<string> PathsConfined { get; init; } = [];
    public IReadOnlyList<string> PathsRejected { get; init; } = [];
    public IReadOnlyList<string> ChecksSkipped { get; init; } = [];
    public required UsageTotals Usage { get; init; }
    /// <summary>Cached input tokens / input tokens of the whole run (0..1): how much the prompt cache served.</summary>
    public double CachedShare => Usage.CachedShare;
    /// <summary>Usage per phase name (<see cref="PipelinePhase"/>: Discovery, MasterPlan, CodeGeneration, Validation, WaveExecution), in phase order; phases without model calls are absent.</summary>
    public IReadOnlyDictionary<string, UsageTotals> PhaseCosts { get; init; } = new Dictionary<string, UsageTotals>();
    /// <summary>The run's status when the summary was made: "completed", or "budget_exceeded" for the partial figures of a run stopped at its cap (see <see cref="RunStates"/>).</summary>
    public string Status { get; init; } = RunStates.Completed;
    /// <summary>For a run stopped at its budget cap: the cap, USD; null otherwise.</summary>
    public decimal? BudgetCapUsd { get; init; }
    /// <summary>Seconds per phase name, in phase order.</summary>
    public IReadOnlyDictionary<string, double> PhaseSeconds { get; init; } = new Dictionary<string, double>();
    public double TotalSeconds { get; init; }
    /// <summary>Blob name of the zipped workspace (container "workspaces"); empty when the run stopped before delivery.</summary>
    public required string WorkspaceZip { get; init; }
}
