namespace Mge.Workflow.Inputs;

/// <summary>Activity input naming one wave (1-based) of a run.</summary>
public sealed record WaveRef(string RunId, int Wave);
