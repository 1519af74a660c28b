namespace Mge.CodeIntelligence.Languages.Python.Analysis;

/// <summary>
/// One declared Python requirement reduced to what import checking needs: the distribution name as written,
/// its PEP 503 normalised form and the extras asked for. Version specifiers and environment markers are dropped.
/// </summary>
public sealed record PythonRequirement(string Distribution, string NormalizedName, IReadOnlyList<string> Extras)
{
    /// <summary>
    /// Parses one requirements.txt line ("uvicorn[standard]>=0.30; python_version>'3.8'", "name @ https://...",
    /// "-e git+https://...#egg=name"). Returns null for blank lines, comments and pip options that name no
    /// distribution ("-r other.txt", "--index-url ...").
    /// </summary>
    public static PythonRequirement? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = StripComment(line).Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (text.StartsWith('-'))
        {
            // Editable installs name their distribution in the #egg= fragment; other options name none.
            var egg = line.IndexOf("#egg=", StringComparison.Ordinal);
            if (egg < 0 || !(text.StartsWith("-e ", StringComparison.Ordinal) || text.StartsWith("--editable", StringComparison.Ordinal)))
            {
                return null;
            }

            text = line[(egg + "#egg=".Length)..].Trim();
        }

        var end = 0;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '-' or '_' or '.'))
        {
            end++;
        }

        if (end == 0)
        {
            return null;
        }

        var name = text[..end].TrimEnd('.', '-', '_');
        var extras = new List<string>();
        var rest = text[end..].TrimStart();
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            var inner = close > 0 ? rest[1..close] : rest[1..];
            extras.AddRange(inner.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Normalize));
        }

        return name.Length == 0 ? null : new PythonRequirement(name, Normalize(name), extras);
    }

    /// <summary>PEP 503 normalisation: lowercase, runs of '-', '_' and '.' become one '-'.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new System.Text.StringBuilder(name.Length);
        var pendingSeparator = false;
        foreach (var c in name.Trim())
        {
            if (c is '-' or '_' or '.')
            {
                pendingSeparator = builder.Length > 0;
                continue;
            }

            if (pendingSeparator)
            {
                builder.Append('-');
                pendingSeparator = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static string StripComment(string line)
    {
        // A '#' starts a comment at the line start or after whitespace (URLs keep their fragments).
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return line[..i];
            }
        }

        return line;
    }
}
