namespace Mge.Workflow.Inputs;

/// <summary>Activity input naming a batch of plan tasks (atomization works on several tasks per activity).</summary>
public sealed record TaskBatchRef(string RunId, IReadOnlyList<int> TaskNumbers);
