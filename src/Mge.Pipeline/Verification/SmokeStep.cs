namespace Mge.Pipeline.Verification;

/// <summary>
/// Start the generated app and call it: the app runs from <see cref="App"/> (its argv, environment, workspace,
/// overall time limit and output cap; no network), the sandbox waits until something listens on the port, then
/// runs <see cref="ProbeCommand"/> once per path, in the same sandbox as the app, and stops the app.
/// </summary>
/// <param name="App">The app's start command. Its arguments and environment values may contain <see cref="PortPlaceholder"/>, replaced by the port actually used.</param>
/// <param name="Port">The port the app must listen on. A sandbox without its own network namespace may use another free port instead (see <see cref="SmokeResult.Port"/>).</param>
/// <param name="ListenTimeout">How long to wait for the app to listen.</param>
/// <param name="ProbePaths">HTTP GET paths to call, e.g. the health route and one list route per entity.</param>
/// <param name="ProbeCommand">
/// The probe, supplied by the stack in the project's own runtime (e.g. a <c>node -e</c> one-liner): run once per
/// path with the URL appended as its last argument, it prints the HTTP status code on its first line and the
/// response body after it; a non-zero exit means no response, and its stderr says why.
/// </param>
/// <param name="ProbeTimeout">The time limit of one probe.</param>
public sealed record SmokeStep(
    SandboxStep App,
    int Port,
    TimeSpan ListenTimeout,
    IReadOnlyList<string> ProbePaths,
    IReadOnlyList<string> ProbeCommand,
    TimeSpan ProbeTimeout)
{
    /// <summary>Replaced in the app's arguments and environment values by the port actually used.</summary>
    public const string PortPlaceholder = "{port}";

    /// <summary>Throws <see cref="ArgumentException"/> naming every problem, so a bad step fails before anything runs.</summary>
    public void Validate()
    {
        App.Validate();
        var problems = new List<string>();
        if (App.Kind != SandboxStepKind.Smoke)
        {
            problems.Add($"the app step must be a smoke step (got {App.Kind})");
        }

        if (App.AllowNetwork)
        {
            problems.Add("a smoke step runs without network (loopback only)");
        }

        if (Port is < 1 or > 65535)
        {
            problems.Add($"the port must be 1-65535 (got {Port})");
        }

        if (ListenTimeout <= TimeSpan.Zero || ListenTimeout >= App.TimeLimit)
        {
            problems.Add($"the listen timeout must be positive and shorter than the time limit (got {ListenTimeout}, limit {App.TimeLimit})");
        }

        if (ProbeTimeout <= TimeSpan.Zero)
        {
            problems.Add($"the probe timeout must be positive (got {ProbeTimeout})");
        }

        if (ProbePaths.Count == 0)
        {
            problems.Add("no probe paths");
        }

        foreach (var path in ProbePaths)
        {
            if (!path.StartsWith('/') || path.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                problems.Add($"a probe path must start with '/' and hold no whitespace (got '{path}')");
            }
        }

        if (ProbeCommand.Count == 0 || string.IsNullOrWhiteSpace(ProbeCommand[0]) || ProbeCommand.Any(a => a.Contains('\0', StringComparison.Ordinal)))
        {
            problems.Add("no usable probe command");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid smoke step: {string.Join("; ", problems)}.");
        }
    }
}
