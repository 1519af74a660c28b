using System.Text.RegularExpressions;

namespace Mge.Models.Offline.Repair;

/// <summary>
/// Finds, in a freshly generated file, the lines that correspond to a failed atom: first the block of
/// the atom's scope (a qualified name such as "TaskRead" or "Collection.create"), then, inside it, the
/// window of the atom's length that shares the most lines with the failed code. An atom is a slice of
/// its scope, so the window, not the whole scope, replaces it. At least half of the lines must agree,
/// otherwise the atom is not recognised and null is returned.
/// </summary>
internal static class AtomLocator
{
    public static string? Locate(string fileContent, string? scope, string failedCode)
    {
        var lines = fileContent.TrimEnd('\n').Split('\n');
        var failed = failedCode.TrimEnd('\n').Split('\n').Select(l => l.TrimEnd('\r').TrimEnd()).ToArray();
        if (failed.All(l => l.Length == 0))
        {
            return null;
        }

        var (start, end) = ScopeRange(lines, scope);
        if (end - start < failed.Length)
        {
            (start, end) = (0, lines.Length);
        }

        var bestScore = 0;
        var bestOffset = -1;
        for (var offset = start; offset + failed.Length <= end; offset++)
        {
            var score = 0;
            for (var i = 0; i < failed.Length; i++)
            {
                if (failed[i].Length > 0 && lines[offset + i].TrimEnd() == failed[i])
                {
                    score++;
                }
            }

            if (score > bestScore)
            {
                bestScore = score;
                bestOffset = offset;
            }
        }

        var meaningful = failed.Count(l => l.Length > 0);
        if (bestOffset < 0 || bestScore * 2 < meaningful)
        {
            return null;
        }

        var window = string.Join('\n', lines.Skip(bestOffset).Take(failed.Length));
        return failedCode.EndsWith('\n') ? window + "\n" : window;
    }

    /// <summary>The lines [start, end) of the block the scope names, or the whole file.</summary>
    private static (int Start, int End) ScopeRange(string[] lines, string? scope)
    {
        var start = 0;
        var end = lines.Length;
        if (string.IsNullOrWhiteSpace(scope))
        {
            return (start, end);
        }

        foreach (var part in scope.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var header = new Regex(
                $@"^\s*((async\s+)?def|class|(async\s+)?function)\s+{Regex.Escape(part)}\b|^\s*(const|let|var)\s+{Regex.Escape(part)}\s*=|^\s*(async\s+)?{Regex.Escape(part)}\s*\(.*\)\s*\{{\s*$",
                RegexOptions.CultureInvariant);
            var found = -1;
            for (var i = start; i < end; i++)
            {
                if (header.IsMatch(lines[i]))
                {
                    found = i;
                    break;
                }
            }

            if (found < 0)
            {
                return (0, lines.Length);
            }

            end = BlockEnd(lines, found, end);
            // Decorators belong to the definition below them.
            while (found > start && lines[found - 1].TrimStart().StartsWith('@'))
            {
                found--;
            }

            start = found;
        }

        return (start, end);
    }

    /// <summary>The end (exclusive) of the block opened at <paramref name="headerLine"/>: indentation, plus a closing brace line.</summary>
    private static int BlockEnd(string[] lines, int headerLine, int limit)
    {
        var indentation = CodeSyntaxPatterns.Indentation(lines[headerLine]);
        for (var i = headerLine + 1; i < limit; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0 || CodeSyntaxPatterns.Indentation(line) > indentation)
            {
                continue;
            }

            var trimmed = line.TrimStart();
            return trimmed.StartsWith('}') || trimmed.StartsWith(')') ? i + 1 : i;
        }

        return limit;
    }
}
