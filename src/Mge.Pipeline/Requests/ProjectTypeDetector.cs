using Mge.Pipeline.Domain;
using Mge.Pipeline.Infrastructure;

namespace Mge.Pipeline.Requests;

/// <summary>
/// Finds the project type a request names, in English or Spanish ("a FastAPI REST API", "una API en Django",
/// "con Node.js y Express"), by each stack's request patterns (templates/stacks/*.json). Framework names are
/// the same in both languages; "express" alone is an ordinary English word ("express delivery"), so Express's
/// patterns count it only next to a technical word or a preposition that introduces a tool. When several
/// types are named, the first one mentioned wins. Null when none is named.
/// </summary>
public static class ProjectTypeDetector
{
    public static ProjectType? Detect(string? request) => ProjectStacks.Catalog.Detect(request);
}
