using Mge.CodeIntelligence.Paths;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Infrastructure;

namespace Mge.Pipeline.Planning;

/// <summary>
/// Checks a masterplan and cleans what can be cleaned. Unusable (fed back to the model for another attempt):
/// no task, a task number below 1, a number used twice. Cleaned, with a note each: depends_on entries that
/// name a missing task or one that is not lower (dropped, so the graph has no cycle), target files that are
/// not safe workspace paths (dropped) or repeated (kept once); target files are normalised
/// ("./app\\main.py" -> "app/main.py"). Against the project type's stack definition: a target file the
/// infrastructure phase owns (Dockerfile, the manifest, .env.example...) is dropped with a note, since the phase
/// writes it from the definition; a plan that writes none of the stack's test files gets a note; a plan that
/// leaves out a file the stack's commands need (the entry point, the app, manage.py...) is unusable.
/// </summary>
public static class PlanValidator
{
    public static PlanCheck Check(MasterPlan plan, ProjectStack stack)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(stack);
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

        var notes = new List<string>();
        var owned = stack.OwnedFiles.ToHashSet(StringComparer.Ordinal);

        // A task that writes nothing but infrastructure files has nothing left to do.
        var infrastructureOnly = tasks
            .Where(t => t.TargetFiles.Count > 0 && t.TargetFiles.All(f => WorkspacePath.TryNormalize(f, out var path, out _) && owned.Contains(path)))
            .Select(t => t.Number)
            .ToHashSet();
        foreach (var task in tasks.Where(t => infrastructureOnly.Contains(t.Number)))
        {
            notes.Add($"task {task.Number}: dropped (it only writes {string.Join(", ", task.TargetFiles)}, which the infrastructure phase writes from the stack definition)");
        }

        var numbers = tasks.Select(t => t.Number).Where(n => !infrastructureOnly.Contains(n)).ToHashSet();
        var phases = plan.Phases.Select(phase => phase with
        {
            Milestones = phase.Milestones.Select(milestone => milestone with
            {
                Tasks = milestone.Tasks.Where(t => numbers.Contains(t.Number)).Select(task => CleanTask(task, numbers, owned, notes)).ToList(),
            }).ToList(),
        }).ToList();
        var cleaned = plan with { Phases = phases };
        if (numbers.Count == 0)
        {
            return new PlanCheck(null, notes, $"the plan has only infrastructure tasks; the infrastructure phase writes {string.Join(", ", owned.Order(StringComparer.Ordinal))} itself: plan the code");
        }

        var planned = cleaned.Tasks.SelectMany(t => t.TargetFiles).ToHashSet(StringComparer.Ordinal);
        var missing = stack.Layout.RequiredFiles.Where(f => !planned.Contains(f)).ToList();
        if (missing.Count > 0)
        {
            var described = missing.Select(f => $"{f} ({stack.Layout.Files.First(l => l.Path == f).Holds})");
            return new PlanCheck(null, notes, $"no task writes {string.Join(", ", described)}; every {stack.Name} project needs them");
        }

        if (!planned.Any(stack.Layout.Tests.Matches))
        {
            notes.Add($"no task writes a test file ({stack.Layout.Tests.Path}): `{stack.Commands.Test.ShellLine}` will find no tests");
        }

        return new PlanCheck(cleaned, notes, null);
    }

    private static PlanTask CleanTask(PlanTask task, HashSet<int> numbers, HashSet<string> owned, List<string> notes)
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
            else if (owned.Contains(normalized))
            {
                notes.Add($"task {task.Number}: dropped target file '{normalized}' (the infrastructure phase writes it from the stack definition)");
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
