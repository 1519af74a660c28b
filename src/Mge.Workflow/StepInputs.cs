using Mge.Pipeline.Runs;

namespace Mge.Workflow;

/// <summary>One plan task of a run; <see cref="Attempt"/> is 1 for generation and counts repair rounds after that.</summary>
public sealed record TaskAttempt(string RunId, int TaskNumber, int Attempt);

/// <summary>Consecutive plan tasks handled by one atomization activity.</summary>
public sealed record TaskBatch(string RunId, IReadOnlyList<int> TaskNumbers);

/// <summary>Wave planning of a run: waves larger than <see cref="MaxWaveSize"/> atoms are split.</summary>
public sealed record WavePlanRequest(string RunId, int MaxWaveSize);

/// <summary>
/// Atoms [Batch * BatchSize, (Batch + 1) * BatchSize) of wave <see cref="Wave"/> (1-based; batches 0-based); completing
/// a wave uses only <see cref="Wave"/>.
/// </summary>
public sealed record WaveBatch(string RunId, int Wave, int Batch = 0, int BatchSize = 0);

/// <summary>
/// A run reaching its end: delivered, failed or stopped at its budget cap, in <see cref="Phase"/>, with
/// <see cref="Reason"/> when it did not deliver and the phase timings by the orchestration's replay-safe clock.
/// </summary>
public sealed record RunMilestone(string RunId, PipelinePhase Phase, PhaseTimings Timings, string? Reason = null);
