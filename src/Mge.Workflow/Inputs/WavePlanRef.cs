namespace Mge.Workflow.Inputs;

/// <summary>Activity input for wave planning: waves larger than <see cref="MaxWaveSize"/> atoms are split.</summary>
public sealed record WavePlanRef(string RunId, int MaxWaveSize);
