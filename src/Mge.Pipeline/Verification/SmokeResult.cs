namespace Mge.Pipeline.Verification;

/// <summary>What a smoke step gave.</summary>
/// <param name="Started">The app listened on <see cref="Port"/> within the listen timeout.</param>
/// <param name="Port">The port the app was asked to listen on (the step's, or a free one where the sandbox shares the host's network).</param>
/// <param name="TimeToListen">From the app's start until it listened; null when it never did.</param>
/// <param name="Probes">One result per probe path, in the step's order (a path not reached says why in its error).</param>
/// <param name="App">The run itself: exit code and time limit of the whole smoke, and the app's captured output.</param>
public sealed record SmokeResult(
    bool Started,
    int Port,
    TimeSpan? TimeToListen,
    IReadOnlyList<ProbeResult> Probes,
    SandboxResult App)
{
    /// <summary>The app started and every probe answered 2xx.</summary>
    public bool Succeeded => Started && Probes.Count > 0 && Probes.All(p => p.Succeeded);
}
