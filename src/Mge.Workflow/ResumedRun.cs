namespace Mge.Workflow;

/// <summary>A run reopened with a higher budget cap: the orchestration instance to schedule and its input.</summary>
public sealed record ResumedRun(string InstanceId, GenerationInput Input);
