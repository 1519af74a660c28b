using Mge.Pipeline.Costs;
using Mge.Pipeline.Domain;

namespace Mge.Pipeline.Storage;

/// <summary>
/// Phase 2's plan (table "masterplans", partition run id, row "plan") with the seed's totals. The cost fields
/// are the run's roll-up so far: discovery + planning after phase 2, every call after delivery.
/// </summary>
public sealed record MasterPlanRecord
{
    public required string MasterPlanId { get; init; }
    public required string DiscoveryId { get; init; }
    public required string ProjectName { get; init; }
    public string Description { get; init; } = "";
    public required ProjectType ProjectType { get; init; }

    /// <summary>The plan after validation (task numbers unique, dependencies only on lower numbers, target files normalised).</summary>
    public required MasterPlan Plan { get; init; }
    public required int TotalPhases { get; init; }
    public required int TotalMilestones { get; init; }
    public required int TotalTasks { get; init; }

    /// <summary>What validation changed in the model's plan (dropped dependencies, rejected target files).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The planning calls alone.</summary>
    public required UsageTotals PlanningUsage { get; init; }
    public decimal GenerationCostUsd { get; init; }
    public long LlmTokensTotal { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}
