using Mge.Pipeline.Domain;
using Mge.Pipeline.Infrastructure;
using Mge.Pipeline.Requests;

namespace Mge.Models.Offline.Blueprint;

/// <summary>The offline model's view of project type names: canonical and display names from the stack definitions, parsing by the pipeline's one parser.</summary>
internal static class ProjectTypeNames
{
    public static string ToName(ProjectType type) => ProjectStacks.For(type).Name;

    public static string ToDisplay(ProjectType type) => ProjectStacks.For(type).DisplayName;

    /// <summary>Reads "fastapi", "fast_api", "FastAPI", "Django", "Node.js"...; null when unknown or empty.</summary>
    public static ProjectType? TryParse(string? name) => ProjectTypeParser.TryParse(name);
}
