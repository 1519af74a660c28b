using Mge.Pipeline.Runs;

namespace Mge.Workflow.Inputs;

/// <summary>Activity input recording why a run failed and in which phase.</summary>
public sealed record FailureRef(string RunId, PipelinePhase Phase, string Message);
