using Mge.CodeIntelligence.Languages;
using Mge.Pipeline.Domain;

namespace Mge.Pipeline.Infrastructure;

/// <summary>
/// The fixed technical stack of one project type: what the offline model generates, what validation accepts
/// as third-party imports and what the infrastructure templates install and run. One source of truth, so
/// that the three never disagree.
/// </summary>
public sealed record ProjectStack
{
    public required ProjectType Type { get; init; }

    /// <summary>The CLI's name of the type ("fastapi", "django", "express").</summary>
    public required string Name { get; init; }

    /// <summary>The language of the generated code.</summary>
    public required SourceLanguage Language { get; init; }

    /// <summary>Runtime the Dockerfile starts from ("python:3.12-slim", "node:20-slim").</summary>
    public required string BaseImage { get; init; }

    /// <summary>The declared third-party dependencies, as written in requirements.txt / package.json (names only).</summary>
    public required IReadOnlyList<string> Dependencies { get; init; }

    /// <summary>Development-only dependencies (package.json devDependencies); none of the stacks needs one today.</summary>
    public IReadOnlyList<string> DevDependencies { get; init; } = [];

    /// <summary>Version constraint per dependency name: a pip specifier (">=0.110,&lt;1") or an npm range ("^4.19.2").</summary>
    public required IReadOnlyDictionary<string, string> DependencyVersions { get; init; }

    /// <summary>The command that serves the app inside the container, as argv.</summary>
    public required IReadOnlyList<string> RunCommand { get; init; }

    /// <summary>The command that runs the generated tests, as argv.</summary>
    public required IReadOnlyList<string> TestCommand { get; init; }

    /// <summary>The port the app listens on.</summary>
    public required int Port { get; init; }

    /// <summary>The module or file the run command starts ("app.main:app", "config.wsgi:application", "src/server.js").</summary>
    public required string EntryModule { get; init; }

    /// <summary>Path of the liveness probe the Dockerfile's HEALTHCHECK calls, or null when the app has none.</summary>
    public string? HealthPath { get; init; }

    /// <summary>
    /// Route of an entity's collection, "{resource}" standing for the plural snake_case entity ("/users",
    /// "/api/users/"); the generated routers and the README follow it.
    /// </summary>
    public required string CollectionRoutePattern { get; init; }

    /// <summary>Route of one item of an entity ("/users/{id}").</summary>
    public required string ItemRoutePattern { get; init; }

    /// <summary>Environment variables the generated code reads, with the example value .env.example gives.</summary>
    public required IReadOnlyList<EnvironmentVariable> EnvironmentVariables { get; init; }

    /// <summary>Whether the stack talks to a SQL database through DATABASE_URL (compose then offers postgres).</summary>
    public required bool UsesDatabase { get; init; }

    /// <summary>How the verification phase installs, tests and smokes a project of this stack in a sandbox.</summary>
    public required Verification.StackVerification Verification { get; init; }

    /// <summary>The infrastructure files generated for this stack, in the order they are written.</summary>
    public required IReadOnlyList<InfrastructureFile> InfrastructureFiles { get; init; }

    /// <summary>The dependency line for requirements.txt or the range for package.json.</summary>
    public string VersionOf(string dependency) =>
        DependencyVersions.TryGetValue(dependency, out var version) ? version : "";

    /// <summary>The collection route of a resource ("users" -> "/users").</summary>
    public string CollectionRoute(string resource) => CollectionRoutePattern.Replace("{resource}", resource, StringComparison.Ordinal);

    /// <summary>The item route of a resource ("users" -> "/users/{id}").</summary>
    public string ItemRoute(string resource) => ItemRoutePattern.Replace("{resource}", resource, StringComparison.Ordinal);

    /// <summary>The run command as one shell line.</summary>
    public string RunCommandLine => string.Join(' ', RunCommand);

    /// <summary>The test command as one shell line.</summary>
    public string TestCommandLine => string.Join(' ', TestCommand);
}

/// <summary>An environment variable the generated code reads, the example value and what it is for.</summary>
public sealed record EnvironmentVariable(string Name, string ExampleValue, string Description);
