namespace Mge.Pipeline.Infrastructure;

/// <summary>
/// Everything the infrastructure templates may read: the stack definition itself (<c>stack.*</c>) and what
/// this run adds to it. Scriban sees the members in snake_case (<c>project_name</c>, <c>stack.port</c>,
/// <c>entities[0].endpoints</c>). Templates read facts from here only; they never branch on a stack's name.
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

    /// <summary>requirements.txt lines of the runtime packages ("fastapi>=0.110,&lt;1.0"), pip stacks only.</summary>
    public IReadOnlyList<string> Requirements { get; init; } = [];

    /// <summary>requirements.txt lines of the packages only the tests need, pip stacks only.</summary>
    public IReadOnlyList<string> DevRequirements { get; init; } = [];

    /// <summary>package.json dependencies with their ranges, npm stacks only.</summary>
    public IReadOnlyList<PackageDependency> PackageDependencies { get; init; } = [];

    /// <summary>package.json devDependencies, npm stacks only.</summary>
    public IReadOnlyList<PackageDependency> PackageDevDependencies { get; init; } = [];

    /// <summary>Variables the image sets (ENV): the port variable at its default, then the production values of mode switches.</summary>
    public IReadOnlyList<VariableValue> ImageEnvironment { get; init; } = [];

    /// <summary>Variables compose pins over .env: the production values of mode switches (DEBUG=0, NODE_ENV=production).</summary>
    public IReadOnlyList<VariableValue> PinnedEnvironment { get; init; } = [];

    /// <summary>Compose's port mapping: the port variable (default the stack's port) on the host and in the container.</summary>
    public required string PortMapping { get; init; }

    /// <summary>The Dockerfile HEALTHCHECK's shell command: the stack's probe on the health route at the configured port, succeeding on 2xx.</summary>
    public required string HealthcheckCommand { get; init; }

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

/// <summary>An environment variable set to a fixed value (image ENV, compose environment).</summary>
public sealed record VariableValue(string Name, string Value);
