namespace Mge.Pipeline.Infrastructure;

/// <summary>
/// Everything the infrastructure templates may read. Scriban sees the members in snake_case
/// (<c>project_name</c>, <c>stack.port</c>, <c>entities[0].endpoints</c>).
/// </summary>
public sealed record InfrastructureModel
{
    public required string ProjectName { get; init; }

    /// <summary>Lower case, hyphenated: the npm package, compose project and image name.</summary>
    public required string ProjectSlug { get; init; }

    /// <summary>snake_case identifier: database and user names.</summary>
    public required string ProjectIdentifier { get; init; }

    public required string Description { get; init; }

    /// <summary>"python" or "javascript".</summary>
    public required string Language { get; init; }

    public string Domain { get; init; } = "";

    public required ProjectStack Stack { get; init; }

    public IReadOnlyList<EntityEndpoints> Entities { get; init; } = [];

    /// <summary>requirements.txt lines ("fastapi>=0.110,&lt;1.0"), Python stacks only.</summary>
    public IReadOnlyList<string> Requirements { get; init; } = [];

    /// <summary>package.json dependencies with their ranges, JavaScript stacks only.</summary>
    public IReadOnlyList<PackageDependency> PackageDependencies { get; init; } = [];

    /// <summary>Workspace files written by the code phases (sorted), for the README's project layout.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];
}

/// <summary>An entity as the README presents it: its names, attributes and REST endpoints.</summary>
public sealed record EntityEndpoints(
    string Name,
    string Resource,
    string Description,
    IReadOnlyList<EntityField> Fields,
    IReadOnlyList<Endpoint> Endpoints);

/// <summary>One attribute of an entity.</summary>
public sealed record EntityField(string Name, string Type, bool Required);

/// <summary>One HTTP endpoint.</summary>
public sealed record Endpoint(string Method, string Path, string Description);

/// <summary>One package.json dependency and its version range.</summary>
public sealed record PackageDependency(string Name, string Version);
