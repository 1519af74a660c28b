using Mge.CodeIntelligence.Paths;
using Mge.Pipeline.Domain;

namespace Mge.Pipeline.Planning;

/// <summary>
/// Checks a masterplan and cleans what can be cleaned. Unusable (fed back to the model for another attempt):
/// no task, a task number below 1, a number used twice. Cleaned, with a note each: depends_on entries that
/// name a missing task or one that is not lower (dropped, so the graph has no cycle), target files that are
/// not safe workspace paths (dropped) or repeated (kept once); target files are normalised
/// ("./app\\main.py" -> "app/main.py").
/// </summary>
public static class PlanValidator
{
    public static PlanCheck Check(MasterPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var tasks = plan.Tasks.ToList();
        if (tasks.Count == 0)
        {
            return new PlanCheck(null, [], "the plan has no tasks; every phase needs milestones with tasks numbered from 1");
        }

        var invalid = tasks.Where(t => t.Number < 1).Select(t => t.Number).ToList();
        if (invalid.Count > 0)
        {
            return new PlanCheck(null, [], $"task numbers must start at 1; found {string.Join(", ", invalid)}");
        }

        var duplicates = tasks.GroupBy(t => t.Number).Where(g => g.Count() > 1).Select(g => g.Key).Order().ToList();
        if (duplicates.Count > 0)
        {
            return new PlanCheck(null, [], $"task numbers must be unique across the plan; repeated: {string.Join(", ", duplicates)}");
        }

        var numbers = tasks.Select(t => t.Number).ToHashSet();
        var notes = new List<string>();
        var phases = plan.Phases.Select(phase => phase with
        {
            Milestones = phase.Milestones.Select(milestone => milestone with
            {
                Tasks = milestone.Tasks.Select(task => CleanTask(task, numbers, notes)).ToList(),
            }).ToList(),
        }).ToList();

        return new PlanCheck(plan with { Phases = phases }, notes, null);
    }

    private static PlanTask CleanTask(PlanTask task, HashSet<int> numbers, List<string> notes)
    {
        var dependsOn = new List<int>();
        foreach (var dependency in task.DependsOn.Distinct())
        {
            if (!numbers.Contains(dependency))
            {
                notes.Add($"task {task.Number}: dropped depends_on {dependency} (no such task)");
            }
            else if (dependency >= task.Number)
            {
                notes.Add($"task {task.Number}: dropped depends_on {dependency} (a task may only depend on lower numbers)");
            }
            else
            {
                dependsOn.Add(dependency);
            }
        }

        var targets = new List<string>();
        foreach (var target in task.TargetFiles)
        {
            if (!WorkspacePath.TryNormalize(target, out var normalized, out var problem))
            {
                notes.Add($"task {task.Number}: dropped target file '{target}' ({problem})");
            }
            else if (targets.Contains(normalized))
            {
                notes.Add($"task {task.Number}: target file '{normalized}' listed twice");
            }
            else
            {
                targets.Add(normalized);
            }
        }

        dependsOn.Sort();
        return task with { DependsOn = dependsOn, TargetFiles = targets };
    }
}
