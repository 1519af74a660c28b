namespace Mge.Pipeline.Verification;

/// <summary>
/// How the verification phase installs, tests and starts a project of one stack, inside a sandbox: the stack's
/// commands as argv (never built inside the phase), where its test report is, how to probe the running app, and
/// which install output means that no package index could be reached (so install is "not run", not "failed").
/// </summary>
public sealed record StackVerification
{
    /// <summary>Installs the project's dependencies into the workspace (network on).</summary>
    public required IReadOnlyList<string> InstallCommand { get; init; }

    /// <summary>Runs the project's own tests (network off), writing <see cref="TestReportFormat"/>.</summary>
    public required IReadOnlyList<string> TestCommand { get; init; }

    /// <summary>Variables the test command needs besides PATH, HOME and LANG.</summary>
    public required IReadOnlyDictionary<string, string> TestEnvironment { get; init; }

    /// <summary>The format of the test report.</summary>
    public required TestReportFormat TestReportFormat { get; init; }

    /// <summary>The report file the test command writes, relative to the workspace; null when the report is the command's output.</summary>
    public string? TestReportFile { get; init; }

    /// <summary>Starts the app; arguments and <see cref="StartEnvironment"/> values may hold <see cref="SmokeStep.PortPlaceholder"/>.</summary>
    public required IReadOnlyList<string> StartCommand { get; init; }

    /// <summary>Variables the start command needs (PORT as the placeholder, NODE_ENV...).</summary>
    public required IReadOnlyDictionary<string, string> StartEnvironment { get; init; }

    /// <summary>The probe in the project's own runtime: prints the status code, then the body, for the URL given last.</summary>
    public required IReadOnlyList<string> ProbeCommand { get; init; }

    /// <summary>Text in a failed install's output that means no package index served the dependencies (DNS, refused, "from versions: none").</summary>
    public required IReadOnlyList<string> IndexUnreachableMarkers { get; init; }
}
