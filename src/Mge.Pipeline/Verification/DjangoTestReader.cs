using System.Globalization;
using System.Text.RegularExpressions;

namespace Mge.Pipeline.Verification;

/// <summary>
/// Reads the text of Django's test runner (unittest's text runner): with verbosity 2 one
/// "test_x (module.Class.test_x) ... ok|FAIL|ERROR|skipped '...'" line per test; at any verbosity a block per
/// failure ("FAIL:"/"ERROR:" line, dashes, the traceback) and the closing "Ran N tests" with "OK (...)" or
/// "FAILED (failures=, errors=, skipped=)". A test module that fails to import is an ERROR named by the module.
/// </summary>
public static partial class DjangoTestReader
{
    public static TestReport Read(string text, string workspaceRoot)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var tests = new Dictionary<string, TestCaseResult>(StringComparer.Ordinal);
        int? ran = null;
        Dictionary<string, int>? counts = null;

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (VerboseLine().Match(line) is { Success: true } verbose)
            {
                var name = QualifiedName(verbose.Groups["method"].Value, verbose.Groups["id"].Value);
                var status = verbose.Groups["status"].Value;
                tests[name] = status switch
                {
                    "ok" or "expected failure" => new TestCaseResult(name, null, TestOutcome.Passed, null, []),
                    "FAIL" or "ERROR" or "unexpected success" => new TestCaseResult(name, null, TestOutcome.Failed, status, []),
                    _ => new TestCaseResult(name, null, TestOutcome.Skipped, Unquote(verbose.Groups["reason"].Value), []),
                };
            }
            else if (line.StartsWith("======", StringComparison.Ordinal) && i + 2 < lines.Length && FailureHeader().Match(lines[i + 1]) is { Success: true } header)
            {
                var name = QualifiedName(header.Groups["method"].Value, header.Groups["id"].Value);
                if (header.Groups["subtest"].Success)
                {
                    name += $" [{header.Groups["subtest"].Value}]";
                }

                // The traceback runs from after the dashes to the next block or the closing dashes.
                var start = i + 3;
                var end = start;
                while (end < lines.Length && !lines[end].StartsWith("======", StringComparison.Ordinal) && !IsClosingRule(lines, end))
                {
                    end++;
                }

                var traceback = string.Join('\n', lines[start..end]).Trim();
                var frames = ProjectFrameReader.Read(traceback, workspaceRoot);
                tests[name] = new TestCaseResult(name, frames.LastOrDefault()?.Path, TestOutcome.Failed, ExceptionMessage(traceback), frames);
                i = end - 1;
            }
            else if (RanLine().Match(line) is { Success: true } ranLine)
            {
                ran = int.Parse(ranLine.Groups["count"].Value, CultureInfo.InvariantCulture);
            }
            else if (ran is not null && ResultLine().Match(line) is { Success: true } result)
            {
                counts = ParseCounts(result.Groups["counts"].Value);
            }
        }

        var list = tests.Values.ToList();
        if (ran is null || counts is null)
        {
            return TestReport.FromTests(TestReportFormat.DjangoText, list, complete: false);
        }

        var failed = counts.GetValueOrDefault("failures") + counts.GetValueOrDefault("errors") + counts.GetValueOrDefault("unexpected successes");
        var skipped = counts.GetValueOrDefault("skipped");
        return new TestReport(TestReportFormat.DjangoText, list, ran.Value - failed - skipped, failed, skipped, Complete: true);
    }

    // unittest names a test "method (module.Class.method)" (Python 3.11+) or "method (module.Class)"; a module that
    // failed to import is "module (unittest.loader._FailedTest.module)".
    private static string QualifiedName(string method, string id)
    {
        const string FailedImport = "unittest.loader._FailedTest.";
        if (id.StartsWith(FailedImport, StringComparison.Ordinal))
        {
            return method;
        }

        return id.EndsWith("." + method, StringComparison.Ordinal) ? id : $"{id}.{method}";
    }

    private static bool IsClosingRule(string[] lines, int index) =>
        lines[index].StartsWith("------", StringComparison.Ordinal) && index + 1 < lines.Length && RanLine().IsMatch(lines[index + 1]);

    /// <summary>The exception at the end of a traceback, with any lines after it (a multi-line assertion diff).</summary>
    private static string ExceptionMessage(string traceback)
    {
        var lines = traceback.Split('\n');
        for (var i = lines.Length - 1; i >= 0; i--)
        {
            if (ExceptionLine().IsMatch(lines[i]) && !lines[i].StartsWith("Traceback ", StringComparison.Ordinal))
            {
                return string.Join('\n', lines[i..]).Trim();
            }
        }

        return traceback;
    }

    private static Dictionary<string, int> ParseCounts(string counts)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var part in counts.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=');
            if (pair.Length == 2 && int.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                result[pair[0]] = value;
            }
        }

        return result;
    }

    private static string Unquote(string reason) =>
        reason.Length >= 2 && (reason[0] == '\'' || reason[0] == '"') && reason[^1] == reason[0] ? reason[1..^1] : reason;

    [GeneratedRegex(@"^(?<method>\S+) \((?<id>[^)\s]+)\)(?: \[.*\])? \.\.\. (?<status>ok|FAIL|ERROR|expected failure|unexpected success|skipped(?: (?<reason>.*))?)$")]
    private static partial Regex VerboseLine();

    [GeneratedRegex(@"^(?:FAIL|ERROR|UNEXPECTED SUCCESS): (?<method>\S+) \((?<id>[^)\s]+)\)(?: \[(?<subtest>.*)\]| \((?<subtest>.*)\))?$")]
    private static partial Regex FailureHeader();

    [GeneratedRegex(@"^Ran (?<count>\d+) tests? in ")]
    private static partial Regex RanLine();

    [GeneratedRegex(@"^(?:OK|FAILED)(?: \((?<counts>.*)\))?$")]
    private static partial Regex ResultLine();

    [GeneratedRegex(@"^[A-Za-z_][\w.]*(?::|$)")]
    private static partial Regex ExceptionLine();
}
