using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Mge.Pipeline.Verification;

/// <summary>
/// Reads the TAP that Node's test runner writes when its output is not a terminal: nested "# Subtest:" blocks
/// indented four spaces per level, "ok"/"not ok" points (children before their parent) each followed by a YAML
/// block (location, error, stack, type, failureType), and a closing "# tests/# pass/# fail/..." summary. A test
/// file that fails to load is reported as a test named by its path with the error "test failed": its real error
/// (the child process's stderr) is in the "#" diagnostic lines before it, and becomes its message.
/// </summary>
public static partial class NodeTapReader
{
    public static TestReport Read(string text, string workspaceRoot)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        // Completed points per depth, waiting for their parent's point (Node prints children first).
        var pending = new Dictionary<int, List<TapNode>>();
        var diagnostics = new StringBuilder();
        var summary = new Dictionary<string, int>(StringComparer.Ordinal);

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (TestPoint().Match(line) is { Success: true } point)
            {
                var depth = point.Groups["indent"].Length / 4;
                var yaml = ReadYamlBlock(lines, ref i, point.Groups["indent"].Length + 2);
                var children = pending.Remove(depth + 1, out var waiting) ? waiting : [];
                var node = new TapNode(
                    point.Groups["name"].Value.Trim(),
                    point.Groups["not"].Success,
                    point.Groups["directive"].Value.ToUpperInvariant(),
                    point.Groups["reason"].Value.Trim(),
                    yaml,
                    children,
                    depth == 0 && diagnostics.Length > 0 ? diagnostics.ToString().TrimEnd() : null);
                if (!pending.TryGetValue(depth, out var siblings))
                {
                    pending[depth] = siblings = [];
                }

                siblings.Add(node);
                if (depth == 0)
                {
                    diagnostics.Clear();
                }
            }
            else if (line.StartsWith('#'))
            {
                if (SummaryLine().Match(line) is { Success: true } count)
                {
                    summary[count.Groups["key"].Value] = int.Parse(count.Groups["count"].Value, CultureInfo.InvariantCulture);
                }
                else if (!line.StartsWith("# Subtest:", StringComparison.Ordinal))
                {
                    diagnostics.AppendLine(line.Length > 2 && line[1] == ' ' ? line[2..] : line[1..]);
                }
            }
        }

        var tests = new List<TestCaseResult>();
        foreach (var root in pending.GetValueOrDefault(0) ?? [])
        {
            Flatten(root, [], null, workspaceRoot, tests);
        }

        var complete = summary.ContainsKey("tests") && summary.ContainsKey("pass") && summary.ContainsKey("fail");
        if (!complete)
        {
            return TestReport.FromTests(TestReportFormat.NodeTap, tests, complete: false);
        }

        return new TestReport(
            TestReportFormat.NodeTap,
            tests,
            summary["pass"],
            summary["fail"] + summary.GetValueOrDefault("cancelled"),
            summary.GetValueOrDefault("skipped") + summary.GetValueOrDefault("todo"),
            Complete: true);
    }

    private static void Flatten(TapNode node, List<string> suites, string? inheritedFile, string workspaceRoot, List<TestCaseResult> tests)
    {
        var location = node.Yaml.GetValueOrDefault("location");
        var file = location is null ? null : ProjectFrameReader.ToProjectPath(StripLineAndColumn(location), workspaceRoot);
        // A file that failed to load is named by its absolute path.
        var nameAsPath = node.Name.StartsWith('/') ? ProjectFrameReader.ToProjectPath(node.Name, workspaceRoot) : null;
        file ??= nameAsPath ?? inheritedFile;
        var name = string.Join(" > ", [.. suites, nameAsPath ?? node.Name]);

        if (node.Children.Count > 0)
        {
            // A suite or parent test failing for its own reason (a hook, not its subtests) is the root cause of its children's failures.
            var failureType = node.Yaml.GetValueOrDefault("failureType");
            if (node.Failed && failureType is not null && failureType != "subtestsFailed")
            {
                tests.Add(ToResult(node, name, file, workspaceRoot));
            }

            foreach (var child in node.Children)
            {
                Flatten(child, [.. suites, node.Name], file, workspaceRoot, tests);
            }
        }
        else if (node.Yaml.GetValueOrDefault("type") != "suite")
        {
            tests.Add(ToResult(node, name, file, workspaceRoot));
        }
    }

    private static TestCaseResult ToResult(TapNode node, string name, string? file, string workspaceRoot)
    {
        if (node.Directive is "SKIP" or "TODO")
        {
            var reason = node.Reason.Length > 0 ? node.Reason : node.Directive.ToLowerInvariant();
            return new TestCaseResult(name, file, TestOutcome.Skipped, reason, []);
        }

        if (!node.Failed)
        {
            return new TestCaseResult(name, file, TestOutcome.Passed, null, []);
        }

        var error = node.Yaml.GetValueOrDefault("error");
        var errorName = node.Yaml.GetValueOrDefault("name");
        var stack = node.Yaml.GetValueOrDefault("stack");
        var message = error is null ? null : errorName is null || error.StartsWith(errorName, StringComparison.Ordinal) ? error : $"{errorName}: {error}";
        if (stack is null && node.Diagnostics is not null)
        {
            // The child process's own stderr says why the file failed ("Cannot find module 'supertest'").
            return new TestCaseResult(name, file, TestOutcome.Failed, node.Diagnostics, ProjectFrameReader.Read(node.Diagnostics, workspaceRoot));
        }

        return new TestCaseResult(name, file, TestOutcome.Failed, message?.TrimEnd(), ProjectFrameReader.Read(stack, workspaceRoot));
    }

    private static string StripLineAndColumn(string location) => LineAndColumn().Replace(location, string.Empty);

    /// <summary>
    /// Reads the YAML block after a test point, if any: top-level keys with plain, quoted or block ("|-") scalars;
    /// nested mappings (expected/actual values) are skipped. Leaves <paramref name="index"/> on the block's last line.
    /// </summary>
    private static Dictionary<string, string> ReadYamlBlock(string[] lines, ref int index, int indent)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var prefix = new string(' ', indent);
        if (index + 1 >= lines.Length || lines[index + 1] != prefix + "---")
        {
            return values;
        }

        index += 2;
        while (index < lines.Length && lines[index] != prefix + "...")
        {
            var line = lines[index];
            var entry = line.StartsWith(prefix, StringComparison.Ordinal) ? YamlEntry().Match(line[indent..]) : Match.Empty;
            if (!entry.Success)
            {
                index++;
                continue;
            }

            var key = entry.Groups["key"].Value;
            var value = entry.Groups["value"].Value;
            var block = new List<string>();
            while (index + 1 < lines.Length && IsDeeper(lines[index + 1], indent))
            {
                index++;
                block.Add(lines[index].Length > indent + 2 ? lines[index][(indent + 2)..] : string.Empty);
            }

            if (value.StartsWith('|') || value.StartsWith('>'))
            {
                values[key] = string.Join('\n', block).TrimEnd();
            }
            else if (value.Length > 0)
            {
                values[key] = Unquote(value);
            }

            index++;
        }

        return values;
    }

    // Lines of a block scalar or nested mapping are indented past the key; blank lines inside a block count too.
    private static bool IsDeeper(string line, int indent) =>
        line.Length == 0 || line.Trim().Length == 0 || (line.Length > indent && line.AsSpan(0, indent + 1).Trim(' ').IsEmpty);

    private static string Unquote(string value)
    {
        if (value == "~")
        {
            return string.Empty;
        }

        if (value.Length >= 2 && value[0] == '\'' && value[^1] == '\'')
        {
            return value[1..^1].Replace("''", "'", StringComparison.Ordinal);
        }

        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            return Regex.Unescape(value[1..^1]);
        }

        return value;
    }

    private sealed record TapNode(
        string Name,
        bool Failed,
        string Directive,
        string Reason,
        Dictionary<string, string> Yaml,
        List<TapNode> Children,
        string? Diagnostics);

    [GeneratedRegex(@"^(?<indent>(?:    )*)(?<not>not )?ok \d+(?: - (?<name>.*?))?(?: # (?<directive>SKIP|TODO|skip|todo)\b ?(?<reason>.*))?$")]
    private static partial Regex TestPoint();

    [GeneratedRegex(@"^# (?<key>tests|suites|pass|fail|cancelled|skipped|todo) (?<count>\d+)$")]
    private static partial Regex SummaryLine();

    [GeneratedRegex(@"^(?<key>[A-Za-z_][\w]*):(?: (?<value>.*))?$")]
    private static partial Regex YamlEntry();

    [GeneratedRegex(@":\d+:\d+$")]
    private static partial Regex LineAndColumn();
}
