using System.Text.Json.Serialization;

namespace Mge.Pipeline.Domain;

/// <summary>Phase 2's plan: phases -> milestones -> tasks (the JSON the model returns, snake_case).</summary>
public sealed record MasterPlan
{
    [JsonPropertyName("project_name")] public required string ProjectName { get; init; }
    [JsonPropertyName("description")] public string Description { get; init; } = "";
    [JsonPropertyName("project_type")] public required string ProjectType { get; init; }
    [JsonPropertyName("phases")] public IReadOnlyList<PlanPhase> Phases { get; init; } = [];

    [JsonIgnore] public IEnumerable<PlanMilestone> Milestones => Phases.SelectMany(p => p.Milestones);
    [JsonIgnore] public IEnumerable<PlanTask> Tasks => Milestones.SelectMany(m => m.Tasks);
}

public sealed record PlanPhase
{
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("milestones")] public IReadOnlyList<PlanMilestone> Milestones { get; init; } = [];
}

public sealed record PlanMilestone
{
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("tasks")] public IReadOnlyList<PlanTask> Tasks { get; init; } = [];
}

public sealed record PlanTask
{
    /// <summary>1-based, unique in the plan.</summary>
    [JsonPropertyName("number")] public required int Number { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("description")] public string Description { get; init; } = "";
    /// <summary>low | medium | high.</summary>
    [JsonPropertyName("complexity")] public string Complexity { get; init; } = "medium";
    /// <summary>Workspace-relative paths this task writes ("app/models/user.py").</summary>
    [JsonPropertyName("target_files")] public IReadOnlyList<string> TargetFiles { get; init; } = [];
    /// <summary>Numbers of the tasks whose code this one builds on.</summary>
    [JsonPropertyName("depends_on")] public IReadOnlyList<int> DependsOn { get; init; } = [];
}
