using Mge.Pipeline.Costs;

namespace Mge.Pipeline.Runs;

/// <summary>What phase 2 tells the orchestrator: counts and the task dependency graph (numbers only).</summary>
public sealed record PlanOutline(string MasterPlanId, string ProjectName, int Phases, int Milestones, IReadOnlyList<TaskNode> Tasks, UsageTotals Usage);

public sealed record TaskNode(int Number, IReadOnlyList<int> DependsOn);
