using System.Diagnostics;
using System.Text;

namespace Mge.Cli.Tests;

/// <summary>
/// <c>mge</c> as a real child process (<c>dotnet mge.dll ...</c>, the build output next to the tests), with its
/// stdout and stderr collected line by line, so a test can wait for a progress line and SIGKILL it.
/// </summary>
public sealed class MgeProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();
    private readonly object gate = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> waiters = [];

    private MgeProcess(Process process) => this.process = process;

    /// <summary>The mge entry assembly copied beside the test assembly by the project reference.</summary>
    public static string EntryAssembly => Path.Combine(AppContext.BaseDirectory, "mge.dll");

    public string Stdout
    {
        get
        {
            lock (gate)
            {
                return stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (gate)
            {
                return stderr.ToString();
            }
        }
    }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>Starts <c>dotnet mge.dll args</c> in <paramref name="workingDirectory"/> with extra environment variables.</summary>
    public static MgeProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(EntryAssembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new MgeProcess(process);
        process.OutputDataReceived += (_, e) => child.Append(child.stdout, e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(child.stderr, e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException("dotnet could not be started.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Completes with the first stderr line (seen so far or later) that <paramref name="match"/> accepts; fails if the process exits first or the time runs out.</summary>
    public async Task<string> WaitForErrorLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            var earlier = stderr.ToString().Split('\n').FirstOrDefault(l => match(l.TrimEnd('\r')));
            if (earlier is not null)
            {
                return earlier;
            }

            waiters.Add((match, seen));
        }

        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(seen.Task, exited, Task.Delay(timeout));
        if (first == seen.Task)
        {
            return await seen.Task;
        }

        throw new TimeoutException(first == exited
            ? $"mge exited ({process.ExitCode}) before the expected line. stderr:\n{Stderr}"
            : $"No expected line within {timeout}. stderr:\n{Stderr}");
    }

    /// <summary>Waits for the process to exit and returns its exit code; kills it when <paramref name="timeout"/> passes.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"mge did not exit within {timeout}. stderr:\n{Stderr}");
        }

        // The exit event can come before the last redirected lines are read.
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>SIGKILL: the process and its children end at once, with no cleanup of any kind.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            target.Append(line).Append('\n');
            if (target != stderr)
            {
                return;
            }

            foreach (var waiter in waiters.Where(w => w.Match(line)).ToList())
            {
                waiters.Remove(waiter);
                waiter.Seen.TrySetResult(line);
            }
        }
    }
}
