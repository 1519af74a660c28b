namespace Mge.Pipeline.Verification;

/// <summary>
/// One verification step of a run as stored (table "verification", partition run id, row "install" | "test" |
/// "smoke"): its status ("passed", "failed: ...", "not run: ..."), what the sandbox reported and the end of its output.
/// </summary>
/// <param name="Step">The step.</param>
/// <param name="Status">"passed", "failed: reason" or "not run: reason".</param>
/// <param name="Passed">Tests (test step) or probes (smoke step) that passed; 0 for install.</param>
/// <param name="Failed">Tests or probes that failed.</param>
/// <param name="NotRun">Tests skipped, or probes not made.</param>
/// <param name="ExitCode">The command's exit code; null when it did not run or was killed at its limit.</param>
/// <param name="Seconds">Wall time of the step (0 when it did not run).</param>
/// <param name="Isolation">How the sandbox isolated it; empty when it did not run.</param>
/// <param name="OutputTail">The last part of the step's output, for people.</param>
/// <param name="TestRecords">How many rows of table "tests" this run's test step wrote (test step only).</param>
public sealed record VerificationStepRecord(
    SandboxStepKind Step,
    string Status,
    int Passed,
    int Failed,
    int NotRun,
    int? ExitCode,
    double Seconds,
    string Isolation,
    string OutputTail,
    int TestRecords = 0)
{
    public const string PassedStatus = "passed";

    public bool IsPassed => Status == PassedStatus;

    public static VerificationStepRecord NotRunBecause(SandboxStepKind step, string reason, int notRun = 0) =>
        new(step, $"not run: {reason}", 0, 0, notRun, null, 0, "", "");
}
