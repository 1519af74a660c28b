using Mge.Pipeline.Domain;

namespace Mge.Pipeline.Requests;

/// <summary>Reads a project type as a user writes it (the CLI's --type, a discovery's project_type): fastapi, django, express, and the usual aliases.</summary>
public static class ProjectTypeParser
{
    public const string Accepted = "fastapi|django|express";

    public static bool TryParse(string? value, out ProjectType projectType, out string error)
    {
        projectType = default;
        error = string.Empty;
        var normalized = value?.Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal).Replace("_", "-", StringComparison.Ordinal);
        switch (normalized)
        {
            case "fastapi" or "fast-api":
                projectType = ProjectType.FastApi;
                return true;
            case "django":
                projectType = ProjectType.Django;
                return true;
            case "express" or "expressjs" or "express.js" or "node" or "nodejs" or "node.js":
                projectType = ProjectType.Express;
                return true;
            default:
                error = string.IsNullOrWhiteSpace(value)
                    ? $"No project type given; use one of {Accepted}."
                    : $"Unknown project type '{value.Trim()}'; use one of {Accepted}.";
                return false;
        }
    }

    /// <summary>The type's lower-case name ("fastapi"), as the CLI and the events write it.</summary>
    public static string Name(ProjectType projectType) => projectType.ToString().ToLowerInvariant();
}
