using System.Text.RegularExpressions;

namespace Mge.Models.Offline.Repair;

/// <summary>
/// The block openers the fault injector breaks and the repairer restores: a Python compound-statement
/// header ends with ":", a JavaScript one with " {".
/// </summary>
internal static partial class CodeSyntaxPatterns
{
    /// <summary>Python block header, with its colon.</summary>
    [GeneratedRegex(@"^\s*(async\s+def|def|class|if|elif|else|for|while|with|try|except|finally)\b.*:\s*$")]
    public static partial Regex PythonOpener();

    /// <summary>Python block header whose colon is missing.</summary>
    [GeneratedRegex(@"^\s*(async\s+def|def|class|if|elif|else|for|while|with|try|except|finally)\b[^#]*[^:\s]\s*$")]
    public static partial Regex PythonOpenerWithoutColon();

    /// <summary>JavaScript block header ending with " {".</summary>
    [GeneratedRegex(@"^\s*((async\s+)?function\b|class\b|if\b|else\b|for\b|while\b|switch\b|try\b|catch\b|.*=>\s*\{\s*$).*\s\{\s*$")]
    public static partial Regex JavaScriptOpener();

    /// <summary>JavaScript block header whose " {" is missing.</summary>
    [GeneratedRegex(@"^\s*((async\s+)?function\b.*\)|class\s+\w+( extends \w+)?|if\s*\(.*\)|else|for\s*\(.*\)|while\s*\(.*\)|switch\s*\(.*\)|try|catch\s*\(.*\)|.*=>)\s*$")]
    public static partial Regex JavaScriptOpenerWithoutBrace();

    public static int Indentation(string line) => line.Length - line.TrimStart().Length;

    /// <summary>The index of the next non-blank line after <paramref name="index"/>, or -1.</summary>
    public static int NextCodeLine(IReadOnlyList<string> lines, int index)
    {
        for (var i = index + 1; i < lines.Count; i++)
        {
            if (lines[i].Trim().Length > 0)
            {
                return i;
            }
        }

        return -1;
    }
}
