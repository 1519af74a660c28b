using System.Text.RegularExpressions;

namespace Mge.CodeIntelligence.Paths;

/// <summary>
/// Decides the workspace path of one block of generated code. Tried in order: the explicit "# path:" the
/// model wrote (only if it normalises safely), the task's target files with the block's extension, what the
/// code defines (SQLAlchemy model, pydantic schema, APIRouter, FastAPI app, express router/app/server),
/// the task's wording (kind word such as model/schema/router/service/test plus an entity word), and a
/// named fallback "generated/task_NNN_slug.ext". The result is always a safe relative path.
/// </summary>
public static partial class PathResolver
{
    public static ResolvedPath Resolve(PathResolutionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var extension = NormalizeExtension(input.LanguageExtension);
        var notes = new List<string>();

        if (!string.IsNullOrWhiteSpace(input.ExplicitPath))
        {
            var raw = StripMetadataPrefix(input.ExplicitPath);
            if (WorkspacePath.TryNormalize(raw, out var normalized, out var problem))
            {
                return new ResolvedPath(normalized, PathSource.ExplicitMetadata, null);
            }

            notes.Add($"'{input.ExplicitPath}' ignored: {problem}");
        }

        var fromCode = GuessFromCode(input.Code, extension, input.TaskName + " " + input.TaskDescription);
        var targets = new List<string>();
        foreach (var target in input.TaskTargetFiles)
        {
            if (!WorkspacePath.TryNormalize(target, out var normalized, out var problem))
            {
                notes.Add($"target file '{target}' ignored: {problem}");
                continue;
            }

            if (string.Equals(Path.GetExtension(normalized), extension, StringComparison.OrdinalIgnoreCase) && !targets.Contains(normalized))
            {
                targets.Add(normalized);
            }
        }

        if (targets.Count == 1)
        {
            return Result(targets[0], PathSource.TaskTargetFile, notes);
        }

        if (targets.Count > 1)
        {
            // Several candidates: what the code defines decides when it names one of them; otherwise the
            // block's position among the task's blocks does.
            if (fromCode is not null && targets.Contains(fromCode))
            {
                return Result(fromCode, PathSource.TaskTargetFile, notes);
            }

            if (input.BlockIndex >= 0 && input.BlockIndex < targets.Count)
            {
                return Result(targets[input.BlockIndex], PathSource.TaskTargetFile, notes);
            }

            notes.Add($"block {input.BlockIndex} has no matching target among {targets.Count} files");
        }

        if (fromCode is not null)
        {
            return Result(fromCode, PathSource.CodeDefinitions, notes);
        }

        var fromWording = GuessFromWording(input.TaskName + " " + input.TaskDescription, extension);
        if (fromWording is not null)
        {
            return Result(fromWording, PathSource.TaskWording, notes);
        }

        var slug = WorkspacePath.Slug(input.TaskName, 40);
        if (slug.Length == 0)
        {
            slug = "code";
        }

        var suffix = input.BlockIndex > 0 ? $"_{input.BlockIndex + 1}" : string.Empty;
        var fallback = $"generated/task_{Math.Max(0, input.TaskNumber):000}_{slug}{suffix}{extension}";
        return Result(fallback, PathSource.NamedFallback, notes);
    }

    private static ResolvedPath Result(string path, PathSource source, List<string> notes) =>
        new(path, source, notes.Count == 0 ? null : string.Join("; ", notes));

    private static string NormalizeExtension(string extension)
    {
        var trimmed = (extension ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            throw new ArgumentException("A language extension such as \".py\" is required to resolve a path.", nameof(extension));
        }

        return trimmed.StartsWith('.') ? trimmed.ToLowerInvariant() : "." + trimmed.ToLowerInvariant();
    }

    private static string StripMetadataPrefix(string raw)
    {
        var match = MetadataPrefix().Match(raw);
        return match.Success ? match.Groups["path"].Value.Trim() : raw.Trim();
    }

    private static string? GuessFromCode(string code, string extension, string wording)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        if (extension == ".py")
        {
            foreach (Match match in PythonClass().Matches(code))
            {
                var name = match.Groups["name"].Value;
                var bases = match.Groups["bases"].Value;
                if (ModelBase().IsMatch(bases))
                {
                    return $"app/models/{EntityWords.ToSnakeCase(EntityWords.StripSuffixes(name, "Model"))}.py";
                }

                if (bases.Contains("BaseModel", StringComparison.Ordinal))
                {
                    return $"app/schemas/{EntityWords.ToSnakeCase(EntityWords.StripSuffixes(name, "Base", "Create", "Update", "Read", "Response", "Out", "In", "Schema"))}.py";
                }
            }

            var router = ApiRouter().Match(code);
            if (router.Success)
            {
                var name = router.Groups["prefix"].Success ? WorkspacePath.Slug(router.Groups["prefix"].Value, 40) : EntityWords.PluralEntity(wording);
                if (!string.IsNullOrEmpty(name))
                {
                    return $"app/routers/{name}.py";
                }
            }

            if (FastApiApp().IsMatch(code))
            {
                return "app/main.py";
            }

            return null;
        }

        if (extension is ".js" or ".mjs" or ".cjs")
        {
            if (ExpressRouter().IsMatch(code))
            {
                var name = EntityWords.PluralEntity(wording);
                return string.IsNullOrEmpty(name) ? null : $"src/routes/{name}{extension}";
            }

            if (ExpressApp().IsMatch(code))
            {
                return $"src/app{extension}";
            }

            if (ListenCall().IsMatch(code))
            {
                return $"src/server{extension}";
            }
        }

        return null;
    }

    private static string? GuessFromWording(string wording, string extension)
    {
        var kind = EntityWords.Kind(wording);
        var entity = EntityWords.Entity(wording);
        if (kind is null || entity is null)
        {
            return null;
        }

        var plural = EntityWords.Pluralize(entity);
        var python = extension == ".py";
        var path = (kind, python) switch
        {
            ("model", true) => $"app/models/{entity}.py",
            ("schema", true) => $"app/schemas/{entity}.py",
            ("router", true) => $"app/routers/{plural}.py",
            ("crud", true) => $"app/crud/{entity}.py",
            ("service", true) => $"app/services/{entity}.py",
            ("test", true) => $"tests/test_{plural}.py",
            ("model", false) or ("schema", false) => $"src/models/{entity}{extension}",
            ("router", false) => $"src/routes/{plural}{extension}",
            ("crud", false) or ("service", false) => $"src/services/{entity}{extension}",
            ("test", false) => $"test/{plural}.test{extension}",
            _ => null,
        };
        return path is not null && WorkspacePath.TryNormalize(path, out var normalized, out _) ? normalized : null;
    }

    [GeneratedRegex(@"^\s*(?:#|//)\s*path\s*:\s*(?<path>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex MetadataPrefix();

    [GeneratedRegex(@"^class\s+(?<name>[A-Za-z_]\w*)\s*\((?<bases>[^)]*)\)", RegexOptions.Multiline)]
    private static partial Regex PythonClass();

    [GeneratedRegex(@"\b(?:Base|DeclarativeBase|db\.Model|models\.Model)\b")]
    private static partial Regex ModelBase();

    [GeneratedRegex(@"\bAPIRouter\s*\((?:[^)]*?\bprefix\s*=\s*[""'](?<prefix>[^""']*)[""'])?")]
    private static partial Regex ApiRouter();

    [GeneratedRegex(@"\bFastAPI\s*\(")]
    private static partial Regex FastApiApp();

    [GeneratedRegex(@"\b(?:express\s*\.\s*)?Router\s*\(")]
    private static partial Regex ExpressRouter();

    [GeneratedRegex(@"\bexpress\s*\(\s*\)")]
    private static partial Regex ExpressApp();

    [GeneratedRegex(@"\.listen\s*\(")]
    private static partial Regex ListenCall();
}
