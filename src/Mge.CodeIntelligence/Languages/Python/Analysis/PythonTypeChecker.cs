using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Mge.CodeIntelligence.Languages.Python.Analysis;

/// <summary>
/// Runs an external type checker (mypy, pyright) configured in <see cref="PythonTypeCheckOptions"/> on a
/// temporary copy of the project and maps its findings for one file to diagnostics with code <c>type</c>.
/// When no checker is configured or found, or it cannot run, the outcome says so with an Info diagnostic
/// <c>types-not-checked</c> and <see cref="PythonTypeCheckOutcome.Performed"/> false.
/// </summary>
public sealed partial class PythonTypeChecker
{
    public const string Code = "type";
    public const string NotCheckedCode = "types-not-checked";

    private readonly PythonTypeCheckOptions _options;

    public PythonTypeChecker(PythonTypeCheckOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    public PythonTypeCheckOutcome Check(SourceFile file, ProjectContext project, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(project);
        var parts = (_options.Command ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            return NotChecked("no type checker is configured (PythonTypeCheckOptions.Command)");
        }

        var executable = FindExecutable(parts[0]);
        if (executable is null)
        {
            return NotChecked($"type checker '{parts[0]}' was not found on PATH");
        }

        var relativePath = PythonModuleNames.NormalizePath(file.Path);
        if (!IsConfined(relativePath))
        {
            return NotChecked($"file path '{file.Path}' is not a workspace-relative path");
        }

        var root = Path.Combine(Path.GetTempPath(), "mge-typecheck-" + Guid.NewGuid().ToString("N"));
        try
        {
            WriteProjectCopy(root, relativePath, file, project);
            return Run(executable, parts.Skip(1).ToList(), root, relativePath, cancellationToken);
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private PythonTypeCheckOutcome Run(string executable, List<string> arguments, string root, string relativePath, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (Path.GetFileNameWithoutExtension(executable).Equals("mypy", StringComparison.OrdinalIgnoreCase))
        {
            // Columns make the findings point at the exact place; the summary line is noise.
            start.ArgumentList.Add("--show-column-numbers");
            start.ArgumentList.Add("--no-error-summary");
        }

        start.ArgumentList.Add(relativePath);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using (cancellationToken.Register(() => Kill(process)))
        {
            if (!process.WaitForExit(_options.Timeout))
            {
                Kill(process);
                return NotChecked($"type checker '{executable}' did not finish within {_options.Timeout.TotalSeconds:0} s");
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var stdout = output.GetAwaiter().GetResult();
        var stderr = error.GetAwaiter().GetResult();
        var diagnostics = ParseOutput(stdout + "\n" + stderr, root, relativePath);
        if (process.ExitCode != 0 && diagnostics.Count == 0)
        {
            var detail = (stderr.Length > 0 ? stderr : stdout).Trim();
            if (detail.Length > 300)
            {
                detail = detail[..300] + "...";
            }

            return NotChecked($"type checker '{executable}' failed with exit code {process.ExitCode}: {detail}");
        }

        return new PythonTypeCheckOutcome(true, diagnostics);
    }

    /// <summary>Maps mypy ("path:line:col: error: msg") and pyright ("path:line:col - error: msg") lines about the file.</summary>
    public static IReadOnlyList<Diagnostic> ParseOutput(string output, string root, string relativePath)
    {
        var diagnostics = new List<Diagnostic>();
        foreach (var rawLine in output.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            var match = MypyLine().Match(line);
            if (!match.Success)
            {
                match = PyrightLine().Match(line);
            }

            if (!match.Success || !SameFile(match.Groups["path"].Value.Trim(), root, relativePath))
            {
                continue;
            }

            var severity = match.Groups["severity"].Value switch
            {
                "error" => DiagnosticSeverity.Error,
                "warning" => DiagnosticSeverity.Warning,
                _ => DiagnosticSeverity.Info,
            };
            var column = match.Groups["column"].Success ? int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
            diagnostics.Add(new Diagnostic(
                int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                Math.Max(1, column),
                severity,
                Code,
                match.Groups["message"].Value.Trim()));
        }

        return diagnostics;
    }

    private static bool SameFile(string reported, string root, string relativePath)
    {
        var normalized = reported.Replace('\\', '/');
        var rootPrefix = root.Replace('\\', '/').TrimEnd('/') + "/";
        if (normalized.StartsWith(rootPrefix, StringComparison.Ordinal))
        {
            normalized = normalized[rootPrefix.Length..];
        }

        return PythonModuleNames.NormalizePath(normalized) == relativePath;
    }

    private static void WriteProjectCopy(string root, string relativePath, SourceFile file, ProjectContext project)
    {
        Directory.CreateDirectory(root);
        if (project.FileTexts is { } texts)
        {
            foreach (var (path, text) in texts)
            {
                var normalized = PythonModuleNames.NormalizePath(path);
                if (IsConfined(normalized) && normalized != relativePath)
                {
                    WriteFile(root, normalized, text);
                }
            }
        }

        WriteFile(root, relativePath, file.Text);
    }

    private static void WriteFile(string root, string relativePath, string text)
    {
        var target = Path.Combine(root, relativePath.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, text);
    }

    private static bool IsConfined(string relativePath) =>
        relativePath.Length > 0
        && !Path.IsPathRooted(relativePath)
        && !relativePath.Split('/').Any(part => part is ".." or "." || part.Contains(':', StringComparison.Ordinal));

    /// <summary>An explicit path that exists, or the first match of the program name on PATH.</summary>
    public static string? FindExecutable(string program)
    {
        if (program.Contains('/', StringComparison.Ordinal) || program.Contains('\\', StringComparison.Ordinal))
        {
            return File.Exists(program) ? Path.GetFullPath(program) : null;
        }

        var extensions = OperatingSystem.IsWindows()
            ? (Environment.GetEnvironmentVariable("PATHEXT") ?? ".EXE;.CMD;.BAT").Split(';').Prepend(string.Empty)
            : [string.Empty];
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var extension in extensions)
            {
                var candidate = Path.Combine(directory, program + extension);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static PythonTypeCheckOutcome NotChecked(string reason) =>
        new(false, [new Diagnostic(1, 1, DiagnosticSeverity.Info, NotCheckedCode, $"types not checked: {reason}")]);

    private static void Kill(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    [GeneratedRegex(@"^(?<path>[^:]+(?::\\[^:]+)?):(?<line>\d+)(?::(?<column>\d+))?: (?<severity>error|warning|note): (?<message>.*)$")]
    private static partial Regex MypyLine();

    [GeneratedRegex(@"^\s*(?<path>.+?):(?<line>\d+):(?<column>\d+) - (?<severity>error|warning|information): (?<message>.*)$")]
    private static partial Regex PyrightLine();
}
