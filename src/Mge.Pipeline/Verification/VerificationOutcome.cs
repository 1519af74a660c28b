namespace Mge.Pipeline.Verification;

/// <summary>What the verification phase found, as the workflow and the summary carry it (the per-test rows are in storage).</summary>
/// <param name="InstallStatus">"passed", "failed: ..." or "not run: ...".</param>
/// <param name="TestsStatus">Likewise for the project's own tests.</param>
/// <param name="TestsPassed">Tests that passed.</param>
/// <param name="TestsFailed">Tests that failed or errored.</param>
/// <param name="TestsNotRun">Tests the runner reported skipped.</param>
/// <param name="SmokeStatus">Likewise for the smoke step.</param>
/// <param name="ProbesPassed">Smoke probes answered 2xx.</param>
/// <param name="ProbesFailed">Smoke probes answered otherwise or not at all.</param>
/// <param name="Isolation">How the steps were isolated ("not run" when none ran).</param>
public sealed record VerificationOutcome(
    string InstallStatus,
    string TestsStatus,
    int TestsPassed,
    int TestsFailed,
    int TestsNotRun,
    string SmokeStatus,
    int ProbesPassed,
    int ProbesFailed,
    string Isolation)
{
    /// <summary>The outcome of a run whose verification did not run (stopped before it, or from before the phase existed).</summary>
    public static VerificationOutcome NotRun(string reason) =>
        new($"not run: {reason}", $"not run: {reason}", 0, 0, 0, $"not run: {reason}", 0, 0, $"not run: {reason}");

    /// <summary>The outcome recorded by the steps' rows.</summary>
    public static VerificationOutcome From(VerificationStepRecord install, VerificationStepRecord test, VerificationStepRecord smoke)
    {
        ArgumentNullException.ThrowIfNull(install);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(smoke);
        var isolation = new[] { test, smoke, install }.Select(s => s.Isolation).FirstOrDefault(i => i.Length > 0) ?? "not run: no step ran";
        return new(install.Status, test.Status, test.Passed, test.Failed, test.NotRun, smoke.Status, smoke.Passed, smoke.Failed, isolation);
    }
}
