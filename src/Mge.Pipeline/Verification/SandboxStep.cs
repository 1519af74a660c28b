namespace Mge.Pipeline.Verification;

/// <summary>
/// One command to run against a generated project in a sandbox. Nothing of MGE's own environment reaches it:
/// the command sees a minimal PATH, HOME and LANG (and PWD, the workspace) plus exactly the variables listed here (no API keys, no
/// storage connection strings), and only the workspace is writable.
/// </summary>
/// <param name="Kind">Which verification step this is.</param>
/// <param name="Arguments">The program and its arguments (argv; no shell is involved unless argv names one).</param>
/// <param name="WorkingDirectory">The workspace folder: a local directory, the only place the step may write.</param>
/// <param name="Environment">The variables the step may see besides PATH, HOME and LANG (which it may override).</param>
/// <param name="TimeLimit">After this, the step's whole process tree is killed and the step is reported timed out.</param>
/// <param name="OutputCap">Bytes of stdout+stderr kept (the first and last halves); the rest is discarded but counted.</param>
/// <param name="AllowNetwork">Whether the step may reach the network (install: yes; test and smoke: loopback only).</param>
public sealed record SandboxStep(
    SandboxStepKind Kind,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment,
    TimeSpan TimeLimit,
    int OutputCap,
    bool AllowNetwork)
{
    /// <summary>The smallest output cap accepted: room for a test runner's summary at the end.</summary>
    public const int MinimumOutputCap = 1024;

    /// <summary>Throws <see cref="ArgumentException"/> naming every problem, so a bad step fails before anything runs.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (Arguments.Count == 0 || string.IsNullOrWhiteSpace(Arguments[0]))
        {
            problems.Add("no program to run (Arguments is empty)");
        }

        if (Arguments.Any(a => a.Contains('\0', StringComparison.Ordinal)))
        {
            problems.Add("an argument contains a NUL character");
        }

        if (string.IsNullOrWhiteSpace(WorkingDirectory) || !Path.IsPathFullyQualified(WorkingDirectory))
        {
            problems.Add($"the working directory must be an absolute path (got '{WorkingDirectory}')");
        }
        else if (!Directory.Exists(WorkingDirectory))
        {
            problems.Add($"the working directory '{WorkingDirectory}' does not exist");
        }

        foreach (var (name, value) in Environment)
        {
            if (name.Length == 0 || name.Contains('=', StringComparison.Ordinal) || name.Contains('\0', StringComparison.Ordinal) || value.Contains('\0', StringComparison.Ordinal))
            {
                problems.Add($"invalid environment variable '{name}'");
            }
        }

        if (TimeLimit <= TimeSpan.Zero)
        {
            problems.Add($"the time limit must be positive (got {TimeLimit})");
        }

        if (OutputCap < MinimumOutputCap)
        {
            problems.Add($"the output cap must be at least {MinimumOutputCap} bytes (got {OutputCap})");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid {Kind.ToString().ToLowerInvariant()} step: {string.Join("; ", problems)}.");
        }
    }
}
