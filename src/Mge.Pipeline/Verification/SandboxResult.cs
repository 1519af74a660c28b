namespace Mge.Pipeline.Verification;

/// <summary>What running one <see cref="SandboxStep"/> gave.</summary>
/// <param name="Kind">The step that ran.</param>
/// <param name="ExitCode">The command's exit code (128 + N when a signal N ended it); null when the sandbox killed it at its time limit.</param>
/// <param name="TimedOut">The step reached its time limit and its whole process tree was killed.</param>
/// <param name="OutputTruncated">More than the output cap was written; <see cref="Output"/> keeps the first and last parts.</param>
/// <param name="BytesDropped">Bytes of output discarded (0 unless truncated).</param>
/// <param name="Output">The kept stdout+stderr (UTF-8, interleaved as read); when truncated, a marker line stands where bytes were dropped.</param>
/// <param name="Duration">Wall time from start to the end of the process tree.</param>
/// <param name="Isolation">How the step was isolated.</param>
public sealed record SandboxResult(
    SandboxStepKind Kind,
    int? ExitCode,
    bool TimedOut,
    bool OutputTruncated,
    long BytesDropped,
    string Output,
    TimeSpan Duration,
    SandboxIsolation Isolation)
{
    /// <summary>Exited by itself with code 0.</summary>
    public bool Succeeded => !TimedOut && ExitCode == 0;
}
