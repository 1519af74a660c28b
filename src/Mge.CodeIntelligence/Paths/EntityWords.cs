using System.Text;
using System.Text.RegularExpressions;

namespace Mge.CodeIntelligence.Paths;

/// <summary>
/// The small amount of English the path resolver needs: which kind of file a task asks for (model, schema,
/// router, crud, service, test), which entity it is about, and singular/plural/snake_case forms.
/// </summary>
internal static partial class EntityWords
{
    private static readonly Dictionary<string, string> KindWords = new(StringComparer.Ordinal)
    {
        ["model"] = "model", ["models"] = "model", ["orm"] = "model",
        ["schema"] = "schema", ["schemas"] = "schema", ["pydantic"] = "schema",
        ["router"] = "router", ["routers"] = "router", ["route"] = "router", ["routes"] = "router", ["endpoint"] = "router", ["endpoints"] = "router",
        ["crud"] = "crud", ["repository"] = "crud",
        ["service"] = "service", ["services"] = "service",
        ["test"] = "test", ["tests"] = "test", ["testing"] = "test",
    };

    // Words that are never the entity: verbs of task titles, articles, framework and technical words.
    private static readonly HashSet<string> NotEntities = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "for", "with", "and", "or", "of", "to", "in", "on", "by", "from", "into", "all", "its", "their",
        "create", "creates", "creating", "implement", "implements", "add", "adds", "define", "defines", "build", "write",
        "writes", "generate", "make", "set", "setup", "up", "configure", "update", "delete", "list", "get", "read",
        "sqlalchemy", "pydantic", "fastapi", "express", "django", "node", "python", "javascript", "rest", "api", "http",
        "database", "db", "table", "tables", "class", "classes", "file", "module", "function", "functions", "operations",
        "basic", "simple", "new", "main", "app", "application", "unit", "integration", "handler", "handlers", "management",
        "validation", "crud", "model", "models", "schema", "schemas", "router", "routers", "route", "routes", "endpoint",
        "endpoints", "service", "services", "test", "tests", "testing", "orm", "repository", "layer", "using", "that", "which",
    };

    public static string? Kind(string wording) =>
        Words(wording).Select(w => KindWords.GetValueOrDefault(w)).FirstOrDefault(k => k is not null);

    /// <summary>The entity the wording is about, singular and snake_case ("user", "task_comment"), nearest to the kind word.</summary>
    public static string? Entity(string wording)
    {
        var words = Words(wording);
        var kindIndex = words.FindIndex(KindWords.ContainsKey);
        var candidates = words.Select((w, i) => (Word: w, Index: i))
            .Where(x => !NotEntities.Contains(x.Word) && x.Word.Length > 1 && char.IsAsciiLetter(x.Word[0]))
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var best = kindIndex < 0 ? candidates[0] : candidates.OrderBy(x => Math.Abs(x.Index - kindIndex)).ThenBy(x => x.Index).First();
        var slug = WorkspacePath.Slug(Singularize(best.Word), 40);
        return slug.Length == 0 ? null : slug;
    }

    /// <summary>The plural entity ("users"), or null when the wording names none.</summary>
    public static string? PluralEntity(string wording)
    {
        var entity = Entity(wording);
        return entity is null ? null : Pluralize(entity);
    }

    public static string Singularize(string word)
    {
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            return word[..^3] + "y";
        }

        if (word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        return word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal) && word.Length > 3
            ? word[..^1]
            : word;
    }

    public static string Pluralize(string word)
    {
        if (word.EndsWith('y') && word.Length > 1 && !"aeiou".Contains(word[^2]))
        {
            return word[..^1] + "ies";
        }

        return word.EndsWith('s') || word.EndsWith('x') || word.EndsWith("ch", StringComparison.Ordinal) || word.EndsWith("sh", StringComparison.Ordinal)
            ? word + "es"
            : word + "s";
    }

    public static string StripSuffixes(string name, params string[] suffixes)
    {
        foreach (var suffix in suffixes)
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }

    /// <summary>"TaskComment" -> "task_comment", "HTTPError" -> "http_error".</summary>
    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previousLower = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var nextLower = i > 0 && i + 1 < name.Length && char.IsUpper(name[i - 1]) && char.IsLower(name[i + 1]);
                if (builder.Length > 0 && builder[^1] != '_' && (previousLower || nextLower))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return WorkspacePath.Slug(builder.ToString(), 60);
    }

    private static List<string> Words(string text) =>
        WordPattern().Matches(text ?? string.Empty).Select(m => m.Value.ToLowerInvariant()).ToList();

    [GeneratedRegex(@"[\p{L}][\p{L}\p{N}_]*")]
    private static partial Regex WordPattern();
}
