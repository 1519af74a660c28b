namespace Mge.Pipeline.Verification;

/// <summary>
/// Runs a generated project's own commands where they cannot touch MGE: only the workspace is writable, nothing of
/// MGE's environment is visible, the network only where the step allows it, and every step's whole process tree
/// ends when the step does (at the latest at its time limit, or when the caller cancels).
/// </summary>
public interface ISandbox
{
    /// <summary>Runs an install or test step. Cancelling kills the step's process tree and throws <see cref="OperationCanceledException"/>.</summary>
    Task<SandboxResult> RunAsync(SandboxStep step, CancellationToken cancellationToken = default);

    /// <summary>Starts the app, probes it and stops it. Cancelling kills everything and throws <see cref="OperationCanceledException"/>.</summary>
    Task<SmokeResult> SmokeAsync(SmokeStep step, CancellationToken cancellationToken = default);
}
