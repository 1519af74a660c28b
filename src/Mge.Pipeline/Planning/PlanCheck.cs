using Mge.Pipeline.Domain;

namespace Mge.Pipeline.Planning;

/// <summary>The result of checking a model's plan: the cleaned plan and what was changed (notes), or the problem that makes it unusable.</summary>
public sealed record PlanCheck(MasterPlan? Plan, IReadOnlyList<string> Notes, string? Problem);
