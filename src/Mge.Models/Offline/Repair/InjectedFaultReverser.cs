namespace Mge.Models.Offline.Repair;

/// <summary>
/// Restores code broken the way the fault injector breaks it (a block header without its ":" or " {", a
/// dangling " (" at the end) when nothing better is known about the code: the last resort of atom repair.
/// </summary>
internal static class InjectedFaultReverser
{
    public static string Fix(string code, bool isPython)
    {
        var endsWithNewline = code.EndsWith('\n');
        var lines = code.TrimEnd('\n').Split('\n').ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var next = CodeSyntaxPatterns.NextCodeLine(lines, i);
            var opensBlock = next >= 0 && CodeSyntaxPatterns.Indentation(lines[next]) > CodeSyntaxPatterns.Indentation(line);
            if (isPython && opensBlock && CodeSyntaxPatterns.PythonOpenerWithoutColon().IsMatch(line) && !line.TrimEnd().EndsWith(',') && !line.TrimEnd().EndsWith('('))
            {
                lines[i] = line.TrimEnd() + ":";
            }
            else if (!isPython && opensBlock && CodeSyntaxPatterns.JavaScriptOpenerWithoutBrace().IsMatch(line))
            {
                lines[i] = line.TrimEnd() + " {";
            }
        }

        var last = CodeSyntaxPatterns.NextCodeLine(lines, -1) < 0 ? -1 : lines.FindLastIndex(l => l.Trim().Length > 0);
        if (last >= 0 && lines[last].EndsWith(" (", StringComparison.Ordinal))
        {
            lines[last] = lines[last][..^2];
        }

        return string.Join('\n', lines) + (endsWithNewline ? "\n" : "");
    }
}
