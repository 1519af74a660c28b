using Mge.Pipeline.Runs;

namespace Mge.Workflow.Inputs;

/// <summary>Activity input for stopping a run at its budget cap: the phase it was in, why, and the phase timings so far.</summary>
public sealed record BudgetStopRef(string RunId, PipelinePhase Phase, string Reason, PhaseTimings Timings);
