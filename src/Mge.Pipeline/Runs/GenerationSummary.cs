using Mge.Pipeline.Costs;

namespace Mge.Pipeline.Runs;

/// <summary>The run's final figures: what the CLI prints, the HTTP API returns and the <c>complete</c> event carries.</summary>
public sealed record GenerationSummary
{
    /// <summary>The verification fields of a summary made without the verification phase (a run stopped before it).</summary>
    public const string NotVerified = "not run: the run stopped before verification";

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
    /// <summary>The verification phase's install step: "passed", "failed: ..." or "not run: ...".</summary>
    public string InstallStatus { get; init; } = NotVerified;
    /// <summary>The project's own tests: "passed", "failed: ..." or "not run: ..."; the counts below are the runner's.</summary>
    public string TestsStatus { get; init; } = NotVerified;
    public int TestsPassed { get; init; }
    public int TestsFailed { get; init; }
    /// <summary>Tests the runner reported skipped (0 when the tests did not run at all: see <see cref="TestsStatus"/>).</summary>
    public int TestsNotRun { get; init; }
    /// <summary>The smoke step (app started, health and list routes probed): "passed", "failed: ..." or "not run: ...".</summary>
    public string SmokeStatus { get; init; } = NotVerified;
    public int SmokeProbesPassed { get; init; }
    public int SmokeProbesFailed { get; init; }
    /// <summary>How the verification steps were isolated (the sandbox's own description).</summary>
    public string Isolation { get; init; } = NotVerified;
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
