namespace Mge.Pipeline.Verification;

/// <summary>Limits of the verification phase's sandboxed steps (section "Mge:Verification").</summary>
public sealed class VerificationOptions
{
    public const string SectionName = "Mge:Verification";

    /// <summary>False skips every step, each reported "not run" with this setting named (never "passed").</summary>
    public bool Enabled { get; set; } = true;

    public TimeSpan InstallTimeLimit { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan TestTimeLimit { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>The whole smoke step: start, probes and stop.</summary>
    public TimeSpan SmokeTimeLimit { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan ListenTimeout { get; set; } = TimeSpan.FromSeconds(20);

    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Bytes of a step's output kept (the test report is read from it, so it is generous).</summary>
    public int OutputCap { get; set; } = 1024 * 1024;

    /// <summary>The port the app is asked to listen on (a sandbox sharing the host's network may pick another free one).</summary>
    public int SmokePort { get; set; } = 3000;
}
