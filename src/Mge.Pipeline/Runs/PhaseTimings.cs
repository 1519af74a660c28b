namespace Mge.Pipeline.Runs;

/// <summary>Seconds spent per phase (by <see cref="PipelinePhase"/> name, in order) and in total, measured by the orchestrator's replay-safe clock.</summary>
public sealed record PhaseTimings(IReadOnlyDictionary<string, double> PhaseSeconds, double TotalSeconds);
