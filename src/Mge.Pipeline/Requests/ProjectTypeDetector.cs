using System.Text.RegularExpressions;
using Mge.Pipeline.Domain;

namespace Mge.Pipeline.Requests;

/// <summary>
/// Finds the project type a request names, in English or Spanish ("a FastAPI REST API", "una API en Django",
/// "con Node.js y Express"). Framework names are the same in both languages; "express" alone is an ordinary
/// English word ("express delivery"), so it counts only next to a technical word or a preposition that
/// introduces a tool ("with/using/in Express", "con/en/usando Express", "Express API"). When several types are
/// named, the first one mentioned wins. Null when none is named.
/// </summary>
public static partial class ProjectTypeDetector
{
    public static ProjectType? Detect(string? request)
    {
        if (string.IsNullOrWhiteSpace(request))
        {
            return null;
        }

        var found = new List<(int Index, ProjectType Type)>();
        Add(found, FastApiPattern().Match(request), ProjectType.FastApi);
        Add(found, DjangoPattern().Match(request), ProjectType.Django);
        Add(found, NodePattern().Match(request), ProjectType.Express);
        Add(found, ExpressPattern().Match(request), ProjectType.Express);
        return found.Count == 0 ? null : found.MinBy(f => f.Index).Type;
    }

    private static void Add(List<(int, ProjectType)> found, Match match, ProjectType type)
    {
        if (match.Success)
        {
            found.Add((match.Index, type));
        }
    }

    [GeneratedRegex(@"\bfast[\s\-]?api\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FastApiPattern();

    [GeneratedRegex(@"\bdjango\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DjangoPattern();

    [GeneratedRegex(@"\b(node(\.js|js)?|express(\.js|js))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NodePattern();

    [GeneratedRegex(
        @"\b(with|using|in|on|on top of|con|en|usando|sobre|de)\s+express\b|\bexpress\s+(api|app|application|server|backend|service|framework|router|rest|aplicaci[oó]n|servidor|servicio)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExpressPattern();
}
