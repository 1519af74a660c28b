using Mge.Pipeline.Runs;

namespace Mge.Workflow.Inputs;

/// <summary>Activity input for delivery: the phase timings measured with the orchestration's replay-safe clock.</summary>
public sealed record DeliveryRef(string RunId, PhaseTimings Timings);
