using Mge.Models.Offline.Blueprint;
using Mge.Models.Offline.Stacks;
using Mge.Pipeline.Domain;

namespace Mge.Models.Offline.Planning;

/// <summary>
/// Numbers a stack's planned tasks 1..n in order, turns their dependency keys into task numbers (always
/// lower ones) and groups them into phases and milestones in order of first appearance.
/// </summary>
internal static class MasterPlanComposer
{
    public static MasterPlan Compose(ProjectBlueprint blueprint)
    {
        var planned = ProjectWriters.For(blueprint.ProjectType).Plan(blueprint);
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var tasks = new List<(PlannedTask Planned, PlanTask Task)>();
        foreach (var item in planned)
        {
            var number = tasks.Count + 1;
            var dependsOn = item.DependsOn
                .Select(key => numbers.TryGetValue(key, out var n)
                    ? n
                    : throw new InvalidOperationException($"Planned task '{item.Key}' depends on '{key}', which is not planned before it."))
                .Distinct()
                .Order()
                .ToList();
            numbers[item.Key] = number;
            tasks.Add((item, new PlanTask
            {
                Number = number,
                Name = item.Name,
                Description = item.Description,
                Complexity = item.Complexity,
                TargetFiles = item.Files,
                DependsOn = dependsOn,
            }));
        }

        var phases = tasks
            .GroupBy(t => t.Planned.Phase)
            .Select(phase => new PlanPhase
            {
                Name = phase.Key,
                Milestones = phase
                    .GroupBy(t => t.Planned.Milestone)
                    .Select(milestone => new PlanMilestone { Name = milestone.Key, Tasks = milestone.Select(t => t.Task).ToList() })
                    .ToList(),
            })
            .ToList();

        return new MasterPlan
        {
            ProjectName = blueprint.ProjectName,
            Description = $"{ProjectTypeNames.ToDisplay(blueprint.ProjectType)} REST API for {blueprint.Domain.ToLowerInvariant()}: {string.Join(", ", blueprint.Entities.Select(e => e.Name))}.",
            ProjectType = ProjectTypeNames.ToName(blueprint.ProjectType),
            Phases = phases,
        };
    }
}
