namespace Mge.Workflow;

/// <summary>One activity of the workflow: the name it is called under and the class that implements it.</summary>
public sealed record WorkflowActivity(string Name, Type Type);
