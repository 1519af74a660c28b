using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Mge.Pipeline.Infrastructure;

/// <summary>
/// Which workspace file holds what. A path may name an entity: <c>{entity}</c> is its snake_case singular
/// ("task_comment"), <c>{entities}</c> the snake_case plural ("task_comments").
/// </summary>
public sealed record StackLayout
{
    /// <summary>The file the start command loads.</summary>
    public required LayoutFile EntryPoint { get; init; }

    /// <summary>The file that creates the application (routes mounted, health route served); may be the entry point.</summary>
    public required LayoutFile App { get; init; }

    public required LayoutFile Models { get; init; }

    public required LayoutFile Routes { get; init; }

    /// <summary>Where the tests live; the test command finds them there.</summary>
    public required LayoutFile Tests { get; init; }

    public IReadOnlyList<LayoutFile> OtherFiles { get; init; } = [];

    /// <summary>Layout rules that are not one file ("every package has an __init__.py").</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Every file of the layout, the named roles first, each path once.</summary>
    [JsonIgnore]
    public IReadOnlyList<LayoutFile> Files =>
        new[] { EntryPoint, App, Models, Routes, Tests }.Concat(OtherFiles)
            .GroupBy(f => f.Path, StringComparer.Ordinal)
            .Select(g => g.Count() == 1 ? g.First() : g.First() with { Holds = string.Join("; ", g.Select(f => f.Holds).Distinct(StringComparer.Ordinal)) })
            .ToList();

    /// <summary>Files every project of the stack has (the commands run them): entry point, app and the required others; never an entity pattern.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> RequiredFiles =>
        new[] { EntryPoint.Path, App.Path }.Concat(OtherFiles.Where(f => f.Required).Select(f => f.Path))
            .Where(p => !LayoutFile.IsPattern(p))
            .Distinct(StringComparer.Ordinal)
            .ToList();
}

/// <summary>One file (or one file per entity) of the layout and what it holds.</summary>
public sealed partial record LayoutFile
{
    public const string EntityPlaceholder = "{entity}";
    public const string EntitiesPlaceholder = "{entities}";

    public required string Path { get; init; }

    public required string Holds { get; init; }

    /// <summary>Every project has this file (see <see cref="StackLayout.RequiredFiles"/>).</summary>
    public bool Required { get; init; }

    /// <summary>Whether a path names an entity.</summary>
    public static bool IsPattern(string path) =>
        path.Contains(EntityPlaceholder, StringComparison.Ordinal) || path.Contains(EntitiesPlaceholder, StringComparison.Ordinal);

    /// <summary>The path for one entity, from its snake_case singular and plural.</summary>
    public string For(string entity, string entities) =>
        Path.Replace(EntityPlaceholder, entity, StringComparison.Ordinal).Replace(EntitiesPlaceholder, entities, StringComparison.Ordinal);

    /// <summary>Whether a workspace path is this file (or, for a pattern, this file of some entity).</summary>
    public bool Matches(string path) => NameIn(path) is not null;

    /// <summary>
    /// The entity part of a path this pattern produced ("tests/test_{entities}.py" and "tests/test_users.py" give
    /// "users"); "" for a plain path that matches; null when the path is not this file.
    /// </summary>
    public string? NameIn(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!IsPattern(Path))
        {
            return string.Equals(Path, path, StringComparison.Ordinal) ? "" : null;
        }

        var pattern = "^" + Regex.Escape(Path)
            .Replace(Regex.Escape(EntitiesPlaceholder), "(?<name>[a-z0-9_]+)", StringComparison.Ordinal)
            .Replace(Regex.Escape(EntityPlaceholder), "(?<name>[a-z0-9_]+)", StringComparison.Ordinal) + "$";
        var match = Regex.Match(path, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return match.Success ? match.Groups["name"].Value : null;
    }
}
