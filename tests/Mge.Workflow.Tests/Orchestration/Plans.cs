using Mge.Pipeline.Costs;
using Mge.Pipeline.Runs;

namespace Mge.Workflow.Tests.Orchestration;

/// <summary>Task graphs for the orchestrator tests.</summary>
public static class Plans
{
    public static PlanOutline Of(params TaskNode[] tasks) => new("plan-1", "Task Manager", 1, 1, tasks, UsageTotals.Zero);

    /// <summary>1 &lt;- 2 &lt;- ... &lt;- n.</summary>
    public static PlanOutline Chain(int count) =>
        Of(Enumerable.Range(1, count).Select(n => new TaskNode(n, n == 1 ? [] : [n - 1])).ToArray());

    public static PlanOutline Independent(int count) =>
        Of(Enumerable.Range(1, count).Select(n => new TaskNode(n, [])).ToArray());

    public static TaskNode Task(int number, params int[] dependsOn) => new(number, dependsOn);
}
