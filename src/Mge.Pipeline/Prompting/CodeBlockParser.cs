using System.Text;
using System.Text.RegularExpressions;

namespace Mge.Pipeline.Prompting;

/// <summary>
/// Splits a model's answer into fenced code blocks (``` or ~~~, three or more, indented at most three spaces,
/// closed by a fence of the same character at least as long). A block's first line is taken as its path when
/// it is a path comment ("# path: x", "// path: x", "-- path: x", "/* path: x */", "&lt;!-- path: x --&gt;").
/// Problems: "no code block" when there is none, "truncated code block" when the last fence never closes
/// (the answer was cut off) — the partial block is not returned.
/// </summary>
public static partial class CodeBlockParser
{
    public static CodeBlocks Parse(string? text)
    {
        var blocks = new List<CodeBlock>();
        var problems = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            problems.Add(CodeBlocks.NoCodeBlock);
            return new CodeBlocks(blocks, problems);
        }

        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var offset = 0;
        var open = false;
        char fenceChar = '`';
        var fenceLength = 0;
        var info = "";
        var start = 0;
        var body = new StringBuilder();
        foreach (var line in normalized.Split('\n'))
        {
            var lineStart = offset;
            offset += line.Length + 1;
            var fence = Fence(line);
            if (!open)
            {
                if (fence is { } opening)
                {
                    open = true;
                    fenceChar = opening.Char;
                    fenceLength = opening.Length;
                    info = opening.Tail.Trim();
                    start = lineStart;
                    body.Clear();
                }

                continue;
            }

            if (fence is { } closing && closing.Char == fenceChar && closing.Length >= fenceLength && closing.Tail.Trim().Length == 0)
            {
                blocks.Add(MakeBlock(info, body.ToString(), start));
                open = false;
                continue;
            }

            body.Append(line).Append('\n');
        }

        if (open)
        {
            problems.Add(CodeBlocks.TruncatedCodeBlock);
        }
        else if (blocks.Count == 0)
        {
            problems.Add(CodeBlocks.NoCodeBlock);
        }

        return new CodeBlocks(blocks, problems);
    }

    private static CodeBlock MakeBlock(string info, string code, int start)
    {
        var firstLineEnd = code.IndexOf('\n');
        var firstLine = firstLineEnd < 0 ? code : code[..firstLineEnd];
        var match = PathLinePattern().Match(firstLine);
        if (match.Success)
        {
            var path = match.Groups["path"].Value.Trim().Trim('`', '"', '\'');
            var rest = firstLineEnd < 0 ? "" : code[(firstLineEnd + 1)..];
            return new CodeBlock(info, path.Length == 0 ? null : path, rest, start);
        }

        return new CodeBlock(info, null, code, start);
    }

    private static (char Char, int Length, string Tail)? Fence(string line)
    {
        var indent = 0;
        while (indent < line.Length && indent < 4 && line[indent] == ' ')
        {
            indent++;
        }

        if (indent > 3 || indent >= line.Length || line[indent] is not ('`' or '~'))
        {
            return null;
        }

        var c = line[indent];
        var length = 0;
        while (indent + length < line.Length && line[indent + length] == c)
        {
            length++;
        }

        if (length < 3)
        {
            return null;
        }

        var rest = line[(indent + length)..];
        return c == '`' && rest.Contains('`') ? null : (c, length, rest);
    }

    [GeneratedRegex(@"^\s*(?:#|//|--|/\*|<!--)\s*(?:file\s*)?path\s*:\s*(?<path>.+?)\s*(?:\*/|-->)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PathLinePattern();
}
