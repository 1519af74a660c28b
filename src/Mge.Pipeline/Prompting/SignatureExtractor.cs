using Mge.CodeIntelligence.Languages;

namespace Mge.Pipeline.Prompting;

/// <summary>
/// The signatures (not the bodies) of a file, for the prompts of the tasks that depend on it. Python: class and
/// def lines with their full parameter lists (continued over several lines when the parentheses are), the
/// decorators right above them, and module-level assignments (router = APIRouter(), Base = ...). JavaScript and
/// TypeScript: function and class declarations, methods, const/let bindings of top-level functions and
/// requires, and every export line (module.exports, exports.x =, export ...). A line-based reading on purpose:
/// it must work on code that does not parse, since a dependency may still be waiting for repair.
/// </summary>
public static class SignatureExtractor
{
    /// <summary>Longest single signature kept; longer lines are cut with "...".</summary>
    public const int MaxSignatureLength = 240;

    public static FileSignatures Extract(SourceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var extension = Path.GetExtension(file.Path).ToLowerInvariant();
        var signatures = extension switch
        {
            ".py" => Python(file.Text),
            ".js" or ".cjs" or ".mjs" or ".ts" or ".tsx" or ".jsx" => JavaScript(file.Text),
            _ => [],
        };
        return new FileSignatures(file.Path, signatures);
    }

    private static List<string> Python(string text)
    {
        var lines = SplitLines(text);
        var result = new List<string>();
        var decorators = new List<string>();
        int? classIndent = null;
        int? fieldIndent = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            var indent = line.Length - trimmed.Length;
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            if (classIndent is { } ci && indent <= ci)
            {
                classIndent = null;
                fieldIndent = null;
            }

            if (trimmed.StartsWith('@'))
            {
                decorators.Add(line.TrimEnd());
                continue;
            }

            var isClass = trimmed.StartsWith("class ", StringComparison.Ordinal);
            if (isClass || trimmed.StartsWith("def ", StringComparison.Ordinal) || trimmed.StartsWith("async def ", StringComparison.Ordinal))
            {
                result.AddRange(decorators);
                result.Add(Cut(JoinContinued(lines, ref i, line)));
                if (isClass)
                {
                    classIndent = indent;
                    fieldIndent = null;
                }
                else if (classIndent is not null)
                {
                    // Fields are only those above the first method.
                    fieldIndent = -1;
                }
            }
            else if (indent == 0 && IsAssignment(trimmed))
            {
                result.Add(Cut(line.TrimEnd()));
            }
            else if (classIndent is not null && fieldIndent != -1 && (fieldIndent is null || fieldIndent == indent) && IsAssignment(trimmed))
            {
                // Class-level fields (SQLAlchemy columns, pydantic fields) are the class's interface.
                fieldIndent = indent;
                result.Add(Cut(line.TrimEnd()));
            }

            decorators.Clear();
        }

        return result;
    }

    /// <summary>"name = ...", "name: type = ...", "name: type", "a, b = ..."; not comparisons, calls or keywords.</summary>
    private static bool IsAssignment(string trimmed)
    {
        var end = 0;
        while (end < trimmed.Length && (char.IsLetterOrDigit(trimmed[end]) || trimmed[end] is '_' or ',' or ' '))
        {
            end++;
        }

        if (end == 0 || end >= trimmed.Length || char.IsDigit(trimmed[0]))
        {
            return false;
        }

        var target = trimmed[..end].Trim();
        string[] keywords = ["return", "if", "elif", "else", "for", "while", "with", "try", "except", "finally", "raise", "assert", "del", "pass", "import", "from", "global", "nonlocal", "yield", "lambda", "not", "await", "class", "def"];
        if (target.Length == 0 || keywords.Contains(target.Split(' ')[0]) || target.Contains(' ') && !target.Contains(','))
        {
            return false;
        }

        var next = trimmed[end];
        return (next == '=' && (end + 1 >= trimmed.Length || trimmed[end + 1] != '=')) || next == ':';
    }

    private static List<string> JavaScript(string text)
    {
        var lines = SplitLines(text);
        var result = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            var indent = line.Length - trimmed.Length;
            var isDeclaration =
                trimmed.StartsWith("function ", StringComparison.Ordinal) ||
                trimmed.StartsWith("async function ", StringComparison.Ordinal) ||
                trimmed.StartsWith("class ", StringComparison.Ordinal) ||
                trimmed.StartsWith("export ", StringComparison.Ordinal) ||
                trimmed.StartsWith("module.exports", StringComparison.Ordinal) ||
                trimmed.StartsWith("exports.", StringComparison.Ordinal);
            var isTopLevelBinding = indent == 0 &&
                (trimmed.StartsWith("const ", StringComparison.Ordinal) || trimmed.StartsWith("let ", StringComparison.Ordinal) || trimmed.StartsWith("var ", StringComparison.Ordinal)) &&
                (trimmed.Contains("=>", StringComparison.Ordinal) || trimmed.Contains("function", StringComparison.Ordinal) || trimmed.Contains("require(", StringComparison.Ordinal) || trimmed.Contains("Router(", StringComparison.Ordinal) || trimmed.Contains("new ", StringComparison.Ordinal));
            var isMethod = indent > 0 && IsMethodLine(trimmed);
            if (isDeclaration || isTopLevelBinding || isMethod)
            {
                var signature = line.TrimEnd();
                if (signature.EndsWith('{'))
                {
                    signature = signature[..^1].TrimEnd();
                }

                result.Add(Cut(signature));
            }
        }

        return result;
    }

    private static bool IsMethodLine(string trimmed)
    {
        // "async create(data) {", "static find(id) {", "get name() {"; not control flow, not calls.
        if (!trimmed.EndsWith('{') || !trimmed.Contains('('))
        {
            return false;
        }

        var head = trimmed[..trimmed.IndexOf('(')].Trim();
        var words = head.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words.Length > 3)
        {
            return false;
        }

        var name = words[^1];
        string[] controlWords = ["if", "for", "while", "switch", "catch", "function", "return", "else", "with"];
        return !controlWords.Contains(name) && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '$' or '#')
               && words.Take(words.Length - 1).All(w => w is "async" or "static" or "get" or "set");
    }

    private static string JoinContinued(string[] lines, ref int index, string first)
    {
        var signature = first.TrimEnd();
        var depth = Depth(signature);
        while (depth > 0 && index + 1 < lines.Length)
        {
            index++;
            var next = lines[index].Trim();
            signature += (signature.EndsWith('(') || signature.EndsWith('[') ? "" : " ") + next;
            depth += Depth(next);
        }

        return signature;
    }

    private static int Depth(string text)
    {
        var depth = 0;
        foreach (var c in text)
        {
            depth += c switch { '(' or '[' => 1, ')' or ']' => -1, _ => 0 };
        }

        return depth;
    }

    private static string Cut(string signature) =>
        signature.Length <= MaxSignatureLength ? signature : signature[..(MaxSignatureLength - 3)] + "...";

    private static string[] SplitLines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
}
