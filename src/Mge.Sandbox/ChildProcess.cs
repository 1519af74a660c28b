using System.Buffers;
using System.Diagnostics;

namespace Mge.Sandbox;

/// <summary>What a child process run gave.</summary>
/// <param name="ExitCode">Its exit code, or null when it was killed at its time limit.</param>
/// <param name="TimedOut">It reached its time limit.</param>
/// <param name="Duration">From start until its processes were gone and its output read.</param>
internal sealed record ChildProcessOutcome(int? ExitCode, bool TimedOut, TimeSpan Duration);

/// <summary>
/// Runs one child process: stdin closed, stdout and stderr drained concurrently into capped sinks (so a child
/// printing without end neither fills memory nor blocks on a full pipe), a time limit, and the whole process
/// tree killed when it ends (time limit, cancellation, or the main process exiting with others left behind).
/// </summary>
internal static class ChildProcess
{
    private const int ReadBufferSize = 64 * 1024;

    /// <param name="argv">The program (absolute path) and its arguments.</param>
    /// <param name="workingDirectory">Where it starts.</param>
    /// <param name="environment">Its whole environment (nothing is inherited).</param>
    /// <param name="timeLimit">When to kill it.</param>
    /// <param name="stdout">Where its stdout goes.</param>
    /// <param name="stderr">Where its stderr goes (may be the same sink).</param>
    /// <param name="killTree">Kills every process of the step; called once the main process ended or must end.</param>
    /// <param name="cleanupTimeout">How long output pipes may stay open after the tree was killed.</param>
    /// <param name="cancellationToken">Cancelling kills the tree and throws.</param>
    public static async Task<ChildProcessOutcome> RunAsync(
        IReadOnlyList<string> argv,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        TimeSpan timeLimit,
        CappedOutput stdout,
        CappedOutput stderr,
        Func<Process, Task> killTree,
        TimeSpan cleanupTimeout,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(argv[0])
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in argv.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{argv[0]}'.");
        process.StandardInput.Close();
        using var drainStop = new CancellationTokenSource();
        var drains = Task.WhenAll(
            DrainAsync(process.StandardOutput.BaseStream, stdout, drainStop.Token),
            DrainAsync(process.StandardError.BaseStream, stderr, drainStop.Token));

        var timedOut = false;
        using (var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            limit.CancelAfter(timeLimit);
            try
            {
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (limit.IsCancellationRequested)
            {
                timedOut = !cancellationToken.IsCancellationRequested;
            }
        }

        // Always: whatever the step started in the background must not outlive it.
        await killTree(process).ConfigureAwait(false);
        using (var exitWait = new CancellationTokenSource(cleanupTimeout))
        {
            try
            {
                await process.WaitForExitAsync(exitWait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (exitWait.IsCancellationRequested)
            {
                throw new InvalidOperationException($"Process {process.Id} ('{argv[0]}') did not exit within {cleanupTimeout.TotalSeconds:0.#} s of being killed.");
            }
        }

        drainStop.CancelAfter(cleanupTimeout);
        try
        {
            await drains.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (drainStop.IsCancellationRequested)
        {
            // A process outside our reach (no cgroup, left its process group) still holds the pipes: stop reading.
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new ChildProcessOutcome(timedOut ? null : process.ExitCode, timedOut, clock.Elapsed);
    }

    private static async Task DrainAsync(Stream stream, CappedOutput sink, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ReadBufferSize);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(0, ReadBufferSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                sink.Write(buffer.AsSpan(0, read));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
