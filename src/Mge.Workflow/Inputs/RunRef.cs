namespace Mge.Workflow.Inputs;

/// <summary>Activity input naming a whole run.</summary>
public sealed record RunRef(string RunId);
