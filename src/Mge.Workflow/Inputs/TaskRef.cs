namespace Mge.Workflow.Inputs;

/// <summary>Activity input naming one plan task; <see cref="Attempt"/> is 1 for generation and counts repair rounds after that.</summary>
public sealed record TaskRef(string RunId, int TaskNumber, int Attempt);
