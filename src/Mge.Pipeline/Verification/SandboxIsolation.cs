namespace Mge.Pipeline.Verification;

/// <summary>
/// How a step was isolated, as the run summary shows it: for example "bubblewrap: read-only filesystem outside the
/// workspace, no network, at most 512 processes" or "not isolated: bubblewrap not found".
/// </summary>
/// <param name="IsIsolated">False when the step ran as a plain child process (scrubbed environment only).</param>
/// <param name="Description">One line for people.</param>
public sealed record SandboxIsolation(bool IsIsolated, string Description)
{
    public override string ToString() => Description;
}
