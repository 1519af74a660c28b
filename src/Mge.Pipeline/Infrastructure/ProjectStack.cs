using System.Text.Json.Serialization;
using Mge.CodeIntelligence.Languages;
using Mge.Pipeline.Domain;

namespace Mge.Pipeline.Infrastructure;

/// <summary>
/// Everything MGE knows about one project type, in one place: read from <c>templates/stacks/&lt;name&gt;.json</c>
/// (see <see cref="StackCatalog"/>) by the prompts' conventions, the plan check, the infrastructure templates,
/// the generated README, validation's third-party imports, the offline model's writers and the verification
/// phase. The JSON keys are these members in snake_case; templates see them the same way (<c>stack.display_name</c>).
/// Members marked <see cref="JsonIgnoreAttribute"/> are derived from the others.
/// </summary>
public sealed record ProjectStack
{
    /// <summary>The canonical name ("fastapi"): the CLI's --type, the file name of the definition, the JSON value of <see cref="ProjectType"/>.</summary>
    public required string Name { get; init; }

    /// <summary>How people write it ("FastAPI").</summary>
    public required string DisplayName { get; init; }

    /// <summary>Other names a user may type for it ("nodejs"); compared like <see cref="Name"/>, ignoring case, spaces, '-', '_' and '.'.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Regular expressions (case-insensitive) that find the stack named in a request; the earliest match in the text wins.</summary>
    public IReadOnlyList<string> RequestPatterns { get; init; } = [];

    /// <summary>One line each: what the stack is made of, after the runtime and its version (the README's "Stack" section, the prompts).</summary>
    public required IReadOnlyList<string> Summary { get; init; }

    /// <summary>The language of the generated code.</summary>
    public required SourceLanguage Language { get; init; }

    /// <summary>The runtime the code runs on, as people name it ("Python", "Node.js").</summary>
    public required string RuntimeName { get; init; }

    /// <summary>The runtime's version the project targets ("3.12", "20"); the base image runs it. Stated here only: summaries do not repeat it.</summary>
    public required string LanguageVersion { get; init; }

    /// <summary>The image the Dockerfile starts from ("python:3.12-slim"); it names <see cref="LanguageVersion"/>.</summary>
    public required string BaseImage { get; init; }

    /// <summary>Which manifest the dependencies go to: requirements.txt (pip) or package.json (npm).</summary>
    public required PackageManager PackageManager { get; init; }

    /// <summary>Coding rules the generated code follows (the prompts' conventions), beyond the layout.</summary>
    public IReadOnlyList<string> Conventions { get; init; } = [];

    /// <summary>Which file holds what.</summary>
    public required StackLayout Layout { get; init; }

    /// <summary>Third-party packages with their version constraints, runtime and development (tests).</summary>
    public required IReadOnlyList<StackPackage> Packages { get; init; }

    /// <summary>Environment variables the generated code reads, in the order .env.example lists them.</summary>
    public required IReadOnlyList<EnvironmentVariable> EnvironmentVariables { get; init; }

    /// <summary>The HTTP routes every generated project serves.</summary>
    public required StackRoutes Routes { get; init; }

    /// <summary>How the project is installed, tested and started.</summary>
    public required StackCommands Commands { get; init; }

    /// <summary>How a running app is probed (the Dockerfile's HEALTHCHECK and the verification phase's smoke step).</summary>
    public required SmokeProbe Smoke { get; init; }

    /// <summary>The SQL database the app talks to, or null when it keeps its data in memory.</summary>
    public DatabaseSupport? Database { get; init; }

    /// <summary>Paths git and the image build ignore besides .env (build output, caches, local databases).</summary>
    public IReadOnlyList<string> IgnoredPaths { get; init; } = [];

    /// <summary>The infrastructure files generated for this stack, in the order they are written.</summary>
    public required IReadOnlyList<InfrastructureFile> InfrastructureFiles { get; init; }

    /// <summary>The project type this stack is the definition of.</summary>
    [JsonIgnore]
    public ProjectType Type => new(Name);

    /// <summary>The port the app listens on when <see cref="StartCommand.PortVariable"/> is unset.</summary>
    [JsonIgnore]
    public int Port => Commands.Start.DefaultPort;

    /// <summary>Every package name, runtime and development: the third-party imports validation accepts.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Dependencies => Packages.Select(p => p.Name).ToList();

    /// <summary>The workspace path of the dependency manifest ("requirements.txt", "package.json").</summary>
    [JsonIgnore]
    public string ManifestPath => PackageManager == PackageManager.Npm ? "package.json" : "requirements.txt";

    /// <summary>Whether compose offers a PostgreSQL service (commented out) for <see cref="Database"/>.</summary>
    [JsonIgnore]
    public bool UsesDatabase => Database is not null;

    /// <summary>Files the infrastructure phase writes whatever the code provides; a plan must not target them.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> OwnedFiles => InfrastructureFiles.Where(f => f.Owned).Select(f => f.OutputPath).ToList();

    /// <summary>The collection route of a resource ("task-comments" -> "/task-comments/").</summary>
    public string CollectionRoute(string resource) => Routes.Collection.Replace(StackRoutes.ResourcePlaceholder, resource, StringComparison.Ordinal);

    /// <summary>The item route of a resource ("task-comments" -> "/task-comments/{id}").</summary>
    public string ItemRoute(string resource) => Routes.Item.Replace(StackRoutes.ResourcePlaceholder, resource, StringComparison.Ordinal);

    /// <summary>
    /// The routes a smoke step requests once the app is up: the health route, then the list route of every
    /// discovered entity (<see cref="EntityNaming.Resource(DomainEntity)"/>), each expected to answer 2xx.
    /// </summary>
    public IReadOnlyList<string> SmokeRoutes(IEnumerable<DomainEntity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        return [Routes.Health, .. entities.Select(EntityNaming.Resource).Distinct(StringComparer.Ordinal).Select(CollectionRoute)];
    }

    /// <summary>
    /// The environment a step of <paramref name="command"/> runs with: every variable at its development value
    /// (what .env.example sets), then the command's own <see cref="CommandLine.Environment"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> EnvironmentFor(CommandLine command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var environment = EnvironmentVariables.ToDictionary(v => v.Name, v => v.DevelopmentValue, StringComparer.Ordinal);
        foreach (var (name, value) in command.Environment)
        {
            environment[name] = value;
        }

        return environment;
    }

    /// <summary>The variable of this name, or null.</summary>
    public EnvironmentVariable? Variable(string name) => EnvironmentVariables.FirstOrDefault(v => v.Name == name);
}

/// <summary>The package managers whose manifests the infrastructure templates write.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PackageManager>))]
public enum PackageManager
{
    /// <summary>requirements.txt, pip specifiers (">=2.0,&lt;3.0").</summary>
    [JsonStringEnumMemberName("pip")] Pip,

    /// <summary>package.json, npm ranges ("^4.21.2").</summary>
    [JsonStringEnumMemberName("npm")] Npm,
}

/// <summary>One third-party package: the name as the manifest writes it, its version constraint, and whether only the tests need it.</summary>
public sealed record StackPackage
{
    public required string Name { get; init; }

    /// <summary>A pip specifier (">=0.110,&lt;1.0") or an npm range ("^4.21.2").</summary>
    public required string Version { get; init; }

    /// <summary>Needed by the tests only (package.json devDependencies; a separate block of requirements.txt).</summary>
    public bool Dev { get; init; }
}

/// <summary>The SQL database support of a stack: the variable holding the database URL and the PostgreSQL driver package to add for PostgreSQL.</summary>
public sealed record DatabaseSupport
{
    public required string Variable { get; init; }

    public required string PostgresDriver { get; init; }
}
