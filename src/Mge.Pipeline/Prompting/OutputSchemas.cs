using Mge.Pipeline.Domain;
using Mge.Pipeline.Infrastructure;

namespace Mge.Pipeline.Prompting;

/// <summary>The structured-output schemas of the JSON phases, built once from the domain records.</summary>
public static class OutputSchemas
{
    /// <summary>The project types the prompts offer: every stack of the catalog.</summary>
    private static readonly IReadOnlyList<string> ProjectTypes = ProjectStacks.All.Select(s => s.Name).ToList();

    public static JsonOutputSchema Discovery { get; } = JsonOutputSchema.For<DiscoveryDocument>(
        "discovery_document",
        "A domain-driven analysis of the request: domain, bounded contexts, aggregates and entities with attributes and relations.",
        new Dictionary<(Type, string), IReadOnlyList<string>>
        {
            [(typeof(DiscoveryDocument), "project_type")] = ProjectTypes,
            [(typeof(EntityAttribute), "type")] = ["string", "text", "integer", "float", "boolean", "datetime", "date", "email"],
            [(typeof(EntityRelation), "kind")] = ["belongs_to", "has_many"],
        });

    public static JsonOutputSchema MasterPlan { get; } = JsonOutputSchema.For<MasterPlan>(
        "master_plan",
        "The implementation plan: phases, milestones and tasks numbered 1..n with target files and dependencies on earlier tasks.",
        new Dictionary<(Type, string), IReadOnlyList<string>>
        {
            [(typeof(MasterPlan), "project_type")] = ProjectTypes,
            [(typeof(PlanTask), "complexity")] = ["low", "medium", "high"],
        });
}
