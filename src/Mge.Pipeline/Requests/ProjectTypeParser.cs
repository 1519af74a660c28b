using Mge.Pipeline.Domain;
using Mge.Pipeline.Infrastructure;

namespace Mge.Pipeline.Requests;

/// <summary>
/// The one reader of project type names as people and models write them (the CLI's --type, a request body's
/// projectType, a discovery's project_type): a stack's name or one of its aliases, ignoring case, spaces,
/// '-', '_' and '.' (see <see cref="StackCatalog.Find"/>).
/// </summary>
public static class ProjectTypeParser
{
    /// <summary>The canonical names, "fastapi|django|express" style.</summary>
    public static string Accepted => ProjectStacks.Catalog.AcceptedNames;

    public static bool TryParse(string? value, out ProjectType projectType, out string error) =>
        ProjectStacks.Catalog.TryParse(value, out projectType, out error);

    /// <summary>The type named, or null (for callers without use for the error).</summary>
    public static ProjectType? TryParse(string? value) => TryParse(value, out var type, out _) ? type : null;

    /// <summary>The type's canonical name ("fastapi"), as the CLI and the events write it.</summary>
    public static string Name(ProjectType projectType) => projectType.Name;
}
