using System.Text.Json.Serialization;

namespace Mge.Pipeline.Domain;

/// <summary>Phase 1's domain-driven analysis of the request (the JSON the model returns, snake_case).</summary>
public sealed record DiscoveryDocument
{
    [JsonPropertyName("domain")] public required string Domain { get; init; }
    [JsonPropertyName("project_name")] public required string ProjectName { get; init; }
    [JsonPropertyName("project_type")] public string? ProjectType { get; init; }
    [JsonPropertyName("summary")] public string Summary { get; init; } = "";
    [JsonPropertyName("bounded_contexts")] public IReadOnlyList<BoundedContext> BoundedContexts { get; init; } = [];

    [JsonIgnore] public IEnumerable<Aggregate> Aggregates => BoundedContexts.SelectMany(c => c.Aggregates);
    [JsonIgnore] public IEnumerable<DomainEntity> Entities => Aggregates.SelectMany(a => a.Entities);
}

public sealed record BoundedContext
{
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("description")] public string Description { get; init; } = "";
    [JsonPropertyName("aggregates")] public IReadOnlyList<Aggregate> Aggregates { get; init; } = [];
}

public sealed record Aggregate
{
    [JsonPropertyName("name")] public required string Name { get; init; }
    /// <summary>The entity that is the aggregate's root.</summary>
    [JsonPropertyName("root")] public required string Root { get; init; }
    [JsonPropertyName("entities")] public IReadOnlyList<DomainEntity> Entities { get; init; } = [];
}

public sealed record DomainEntity
{
    /// <summary>PascalCase singular ("User").</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary>
    /// snake_case plural in the request's language ("users", "solicitudes_adopcion"): the table and the URL
    /// resource (kebab-case) every stack uses. Null: derived from <see cref="Name"/> by English rules.
    /// </summary>
    [JsonPropertyName("plural")] public string? Plural { get; init; }

    [JsonPropertyName("description")] public string Description { get; init; } = "";
    [JsonPropertyName("attributes")] public IReadOnlyList<EntityAttribute> Attributes { get; init; } = [];
    [JsonPropertyName("relations")] public IReadOnlyList<EntityRelation> Relations { get; init; } = [];
}

public sealed record EntityAttribute
{
    /// <summary>snake_case ("due_date").</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }
    /// <summary>One of: string, text, integer, float, boolean, datetime, date, email.</summary>
    [JsonPropertyName("type")] public required string Type { get; init; }
    [JsonPropertyName("required")] public bool Required { get; init; } = true;
    [JsonPropertyName("unique")] public bool Unique { get; init; }
}

public sealed record EntityRelation
{
    /// <summary>"belongs_to" (this entity holds the foreign key) or "has_many".</summary>
    [JsonPropertyName("kind")] public required string Kind { get; init; }
    /// <summary>The other entity's name.</summary>
    [JsonPropertyName("target")] public required string Target { get; init; }
    /// <summary>snake_case field name ("owner" for owner_id), defaults to the target in snake_case.</summary>
    [JsonPropertyName("field")] public string? Field { get; init; }
}
