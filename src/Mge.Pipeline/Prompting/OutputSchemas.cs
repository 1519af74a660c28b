using Mge.Pipeline.Domain;

namespace Mge.Pipeline.Prompting;

/// <summary>The structured-output schemas of the JSON phases, built once from the domain records.</summary>
public static class OutputSchemas
{
    /// <summary>The attribute types, relation kinds, complexities and project types the prompts document.</summary>
    private static readonly IReadOnlyList<string> ProjectTypes = ["fastapi", "django", "express"];

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
