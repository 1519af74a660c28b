using Mge.Pipeline.Runs;

namespace Mge.Workflow;

/// <summary>Checks a plan's task graph before code generation schedules it.</summary>
internal static class TaskGraph
{
    /// <summary>The plan's tasks in number order; throws when task numbers repeat or a task depends on one that does not exist.</summary>
    public static IReadOnlyList<TaskNode> Order(IReadOnlyList<TaskNode> tasks)
    {
        var ordered = tasks.OrderBy(t => t.Number).ToList();
        var numbers = new HashSet<int>();
        foreach (var task in ordered)
        {
            if (!numbers.Add(task.Number))
            {
                throw new PlanNotExecutableException($"The plan numbers two tasks {task.Number}.");
            }
        }

        foreach (var task in ordered)
        {
            var missing = task.DependsOn.Where(d => !numbers.Contains(d)).ToList();
            if (missing.Count > 0)
            {
                throw new PlanNotExecutableException(
                    $"Task {task.Number} depends on task(s) {string.Join(", ", missing)}, which the plan does not contain.");
            }
        }

        return ordered;
    }
}
