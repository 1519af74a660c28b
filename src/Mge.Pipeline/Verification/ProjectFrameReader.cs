using System.Text.RegularExpressions;

namespace Mge.Pipeline.Verification;

/// <summary>
/// Reads the stack frames in a failure's text and keeps those in the project's own files, relative to the workspace:
/// Node's "at f (path:line:col)" (TAP prints the same without "at"), Python's 'File "path", line N, in f' and
/// pytest's "path:N: in f". Frames in node_modules, site-packages/dist-packages, Node's internals and anything
/// outside the workspace are dropped. The result is innermost first (Python prints outermost first: reversed).
/// </summary>
public static partial class ProjectFrameReader
{
    private static readonly string[] DependencyFolders = ["node_modules", "site-packages", "dist-packages"];

    public static IReadOnlyList<ProjectFrame> Read(string? text, string workspaceRoot)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var nodeFrames = new List<ProjectFrame>();
        var pythonFrames = new List<ProjectFrame>();
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimEnd('\r');
            if (PythonFrame().Match(trimmed) is { Success: true } python)
            {
                Add(pythonFrames, python.Groups["path"].Value, python.Groups["line"].Value, null, python.Groups["function"].Value, workspaceRoot);
            }
            else if (PytestFrame().Match(trimmed) is { Success: true } pytest)
            {
                Add(pythonFrames, pytest.Groups["path"].Value, pytest.Groups["line"].Value, null, pytest.Groups["function"].Value, workspaceRoot);
            }
            else if (NodeFrame().Match(trimmed) is { Success: true } node)
            {
                Add(nodeFrames, node.Groups["path"].Value, node.Groups["line"].Value, node.Groups["column"].Value, node.Groups["function"].Value, workspaceRoot);
            }
        }

        pythonFrames.Reverse();
        return [.. nodeFrames, .. pythonFrames];
    }

    /// <summary>
    /// The path relative to the workspace ('/' separators) when it names one of the project's own files; null for
    /// runtime internals, dependencies and files outside the workspace. Relative paths are taken as relative to the
    /// workspace (runners print them relative to their working directory, the workspace).
    /// </summary>
    public static string? ToProjectPath(string path, string workspaceRoot)
    {
        if (path.StartsWith("file://", StringComparison.Ordinal))
        {
            path = Uri.UnescapeDataString(path["file://".Length..]);
        }

        if (path.Length == 0 || path.StartsWith('<') || path.StartsWith("node:", StringComparison.Ordinal) || path.StartsWith("internal/", StringComparison.Ordinal))
        {
            return null;
        }

        path = path.Replace('\\', '/');
        string relative;
        if (path.StartsWith('/'))
        {
            var root = workspaceRoot.Replace('\\', '/').TrimEnd('/') + "/";
            if (!path.StartsWith(root, StringComparison.Ordinal))
            {
                return null;
            }

            relative = path[root.Length..];
        }
        else
        {
            relative = path;
        }

        var segments = relative.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != ".").ToArray();
        if (segments.Length == 0 || segments.Contains("..") || segments.Any(s => DependencyFolders.Contains(s, StringComparer.Ordinal)) || segments[0].Contains(':', StringComparison.Ordinal))
        {
            return null;
        }

        return string.Join('/', segments);
    }

    private static void Add(List<ProjectFrame> frames, string path, string line, string? column, string function, string workspaceRoot)
    {
        var relative = ToProjectPath(path, workspaceRoot);
        if (relative is null || !int.TryParse(line, out var lineNumber))
        {
            return;
        }

        int? columnNumber = int.TryParse(column, out var c) ? c : null;
        var frame = new ProjectFrame(relative, lineNumber, columnNumber, function.Length == 0 ? null : function.Trim());
        // Chained errors print the same frame more than once: keep the first.
        if (!frames.Contains(frame))
        {
            frames.Add(frame);
        }
    }

    // 'File "/ws/app/main.py", line 12, in create_task'
    [GeneratedRegex("""^\s*File "(?<path>[^"]+)", line (?<line>\d+)(?:, in (?<function>.+?))?\s*$""")]
    private static partial Regex PythonFrame();

    // pytest's long and short tracebacks: "app/services.py:15: in find_task", "tests/test_tasks.py:12: AssertionError".
    [GeneratedRegex(@"^(?<path>[^\s:""'<>][^:""'<>]*\.py):(?<line>\d+):(?: in (?<function>\S+)| [\w.]+)?\s*$")]
    private static partial Regex PytestFrame();

    // "    at createTask (/ws/src/tasks.js:7:17)", "at /ws/src/app.js:3:9", TAP's "TestContext.<anonymous> (/ws/test/a.test.js:14:12)".
    [GeneratedRegex(@"^\s*(?:at\s+)?(?:(?<function>[^()]*?)\s+\()?(?<path>[^\s()]+\.[A-Za-z0-9]+):(?<line>\d+):(?<column>\d+)\)?\s*$")]
    private static partial Regex NodeFrame();
}
