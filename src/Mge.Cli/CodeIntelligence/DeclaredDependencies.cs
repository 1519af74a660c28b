using System.Text.Json;

namespace Mge.Cli.CodeIntelligence;

/// <summary>
/// Reads the third-party dependencies a project declares, as written: requirements.txt lines,
/// pyproject.toml's <c>[project] dependencies</c> array, package.json's dependencies and devDependencies
/// names. Missing files contribute nothing; a malformed file is a usage error naming the file.
/// </summary>
public static class DeclaredDependencies
{
    public static async Task<IReadOnlyList<string>> ReadAsync(string projectRoot, CancellationToken cancellationToken)
    {
        var dependencies = new List<string>();

        var requirements = Path.Combine(projectRoot, "requirements.txt");
        if (File.Exists(requirements))
        {
            dependencies.AddRange(ParseRequirements(await File.ReadAllTextAsync(requirements, cancellationToken)));
        }

        var pyproject = Path.Combine(projectRoot, "pyproject.toml");
        if (File.Exists(pyproject))
        {
            dependencies.AddRange(ParsePyProjectDependencies(await File.ReadAllTextAsync(pyproject, cancellationToken)));
        }

        var packageJson = Path.Combine(projectRoot, "package.json");
        if (File.Exists(packageJson))
        {
            dependencies.AddRange(ParsePackageJson(await File.ReadAllTextAsync(packageJson, cancellationToken), packageJson));
        }

        return dependencies;
    }

    /// <summary>Requirement lines without comments, blank lines and pip options ("-r other.txt", "--index-url ...").</summary>
    public static IEnumerable<string> ParseRequirements(string text)
    {
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine;
            var comment = line.IndexOf('#', StringComparison.Ordinal);
            if (comment >= 0)
            {
                line = line[..comment];
            }

            line = line.Trim();
            if (line.Length > 0 && !line.StartsWith('-'))
            {
                yield return line;
            }
        }
    }

    /// <summary>
    /// The strings of the <c>dependencies = [ ... ]</c> array in the <c>[project]</c> table. Only what
    /// PEP 621 puts there is read (a TOML array of strings, possibly over several lines); optional
    /// dependency groups are not part of what the code may import unconditionally.
    /// </summary>
    public static IEnumerable<string> ParsePyProjectDependencies(string text)
    {
        var inProject = false;
        var inArray = false;
        var result = new List<string>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (!inArray && line.StartsWith('['))
            {
                inProject = line == "[project]";
                continue;
            }

            if (!inProject)
            {
                continue;
            }

            if (!inArray)
            {
                var equals = line.IndexOf('=', StringComparison.Ordinal);
                if (equals < 0 || line[..equals].Trim() != "dependencies")
                {
                    continue;
                }

                line = line[(equals + 1)..].Trim();
                if (!line.StartsWith('['))
                {
                    continue;
                }

                line = line[1..];
                inArray = true;
            }

            var close = IndexOutsideQuotes(line, ']');
            var segment = close >= 0 ? line[..close] : line;
            result.AddRange(QuotedStrings(segment));
            if (close >= 0)
            {
                inArray = false;
                inProject = false;
            }
        }

        return result;
    }

    /// <summary>The names under "dependencies" and "devDependencies".</summary>
    public static IEnumerable<string> ParsePackageJson(string text, string pathForMessages)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new CliUsageException($"{pathForMessages} is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new CliUsageException($"{pathForMessages} is not a JSON object.");
            }

            var names = new List<string>();
            foreach (var section in new[] { "dependencies", "devDependencies" })
            {
                if (document.RootElement.TryGetProperty(section, out var deps) && deps.ValueKind == JsonValueKind.Object)
                {
                    names.AddRange(deps.EnumerateObject().Select(p => p.Name));
                }
            }

            return names;
        }
    }

    private static int IndexOutsideQuotes(string text, char target)
    {
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '#')
            {
                return -1;
            }
            else if (c == target)
            {
                return i;
            }
        }

        return -1;
    }

    private static IEnumerable<string> QuotedStrings(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '#')
            {
                yield break;
            }

            if (c is '"' or '\'')
            {
                var end = text.IndexOf(c, i + 1);
                if (end < 0)
                {
                    yield break;
                }

                var value = text[(i + 1)..end].Trim();
                if (value.Length > 0)
                {
                    yield return value;
                }

                i = end + 1;
                continue;
            }

            i++;
        }
    }
}
