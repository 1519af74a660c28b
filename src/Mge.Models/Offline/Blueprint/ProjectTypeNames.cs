using Mge.Pipeline.Domain;

namespace Mge.Models.Offline.Blueprint;

/// <summary>The lower-case stack names used in documents ("fastapi", "django", "express") and their display names.</summary>
internal static class ProjectTypeNames
{
    public static string ToName(ProjectType type) => type switch
    {
        ProjectType.FastApi => "fastapi",
        ProjectType.Django => "django",
        ProjectType.Express => "express",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown project type."),
    };

    public static string ToDisplay(ProjectType type) => type switch
    {
        ProjectType.FastApi => "FastAPI",
        ProjectType.Django => "Django",
        ProjectType.Express => "Express",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown project type."),
    };

    /// <summary>Reads "fastapi", "fast_api", "FastAPI", "Django", "express"...; null when unknown or empty.</summary>
    public static ProjectType? TryParse(string? name) =>
        name?.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal).ToLowerInvariant() switch
        {
            "fastapi" => ProjectType.FastApi,
            "django" => ProjectType.Django,
            "express" or "expressjs" or "node" or "nodejs" => ProjectType.Express,
            _ => null,
        };
}
