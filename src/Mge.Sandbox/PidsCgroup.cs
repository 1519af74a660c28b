using System.Globalization;

namespace Mge.Sandbox;

/// <summary>
/// A pids cgroup of one step: caps how many processes the step may have at once (a fork bomb stops at the cap
/// instead of taking the machine) and finds every process the step left, wherever it was reparented to. The
/// step's first process moves itself in before it execs anything (see <see cref="LaunchCommand"/>), so every
/// descendant is born inside. Works with cgroup v1's pids hierarchy and with cgroup v2 (pids enabled for children).
/// </summary>
internal sealed class PidsCgroup
{
    private const string NamePrefix = "mge-sandbox-";

    private PidsCgroup(string path) => Path = path;

    /// <summary>The cgroup's directory.</summary>
    public string Path { get; }

    /// <summary>The file a process writes its pid to, to join.</summary>
    public string ProcsFile => System.IO.Path.Combine(Path, "cgroup.procs");

    /// <summary>
    /// The hierarchy to use: the configured one, else cgroup v1's pids hierarchy, else the v2 root when pids is
    /// enabled for children; checked by creating and removing a cgroup there. Null with the reason when none works.
    /// </summary>
    public static async Task<(string? Root, string? Problem)> FindRootAsync(string? configured, CancellationToken cancellationToken)
    {
        var candidates = new List<string>();
        if (configured is not null)
        {
            candidates.Add(configured);
        }
        else
        {
            if (File.Exists("/sys/fs/cgroup/pids/cgroup.procs"))
            {
                candidates.Add("/sys/fs/cgroup/pids");
            }

            if (File.Exists("/sys/fs/cgroup/cgroup.subtree_control")
                && (await File.ReadAllTextAsync("/sys/fs/cgroup/cgroup.subtree_control", cancellationToken).ConfigureAwait(false)).Split(' ', '\n').Contains("pids"))
            {
                candidates.Add("/sys/fs/cgroup");
            }
        }

        if (candidates.Count == 0)
        {
            return (null, "no pids cgroup hierarchy");
        }

        var problems = new List<string>();
        foreach (var root in candidates)
        {
            var probe = System.IO.Path.Combine(root, $"{NamePrefix}probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
            try
            {
                Directory.CreateDirectory(probe);
                await File.WriteAllTextAsync(System.IO.Path.Combine(probe, "pids.max"), "8", cancellationToken).ConfigureAwait(false);
                return (root, null);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add($"{root}: {e.Message}");
            }
            finally
            {
                if (Directory.Exists(probe))
                {
                    Directory.Delete(probe);
                }
            }
        }

        return (null, string.Join("; ", problems));
    }

    /// <summary>Creates an empty cgroup under <paramref name="root"/> allowing at most <paramref name="maxProcesses"/> processes.</summary>
    public static async Task<PidsCgroup> CreateAsync(string root, int maxProcesses, CancellationToken cancellationToken)
    {
        var cgroup = new PidsCgroup(System.IO.Path.Combine(root, NamePrefix + Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(cgroup.Path);
        try
        {
            await File.WriteAllTextAsync(System.IO.Path.Combine(cgroup.Path, "pids.max"), maxProcesses.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Directory.Delete(cgroup.Path);
            throw;
        }

        return cgroup;
    }

    /// <summary>The processes in the cgroup now.</summary>
    public async Task<IReadOnlyList<int>> ListProcessesAsync(CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(ProcsFile, cancellationToken).ConfigureAwait(false);
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture))];
    }

    /// <summary>
    /// Kills every process in the cgroup until it is empty (a process forking while others die is killed in a
    /// later round; the cap bounds how many there can be). Throws when processes survive the timeout: a step
    /// that cannot be stopped must not pass silently.
    /// </summary>
    public async Task KillAllAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var killFile = System.IO.Path.Combine(Path, "cgroup.kill");
        while (true)
        {
            var processes = await ListProcessesAsync(CancellationToken.None).ConfigureAwait(false);
            if (processes.Count == 0)
            {
                return;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new InvalidOperationException($"Sandbox processes survived {timeout.TotalSeconds:0.#} s of killing in cgroup '{Path}': {string.Join(", ", processes)}.");
            }

            if (File.Exists(killFile))
            {
                // cgroup v2 kills the whole cgroup at once.
                await File.WriteAllTextAsync(killFile, "1", CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                foreach (var pid in processes)
                {
                    NativeSignals.KillProcess(pid);
                }
            }

            await Task.Delay(10, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Kills what is left and removes the cgroup (retrying while the kernel finishes tearing processes down).</summary>
    public async Task RemoveAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await KillAllAsync(deadline - DateTime.UtcNow).ConfigureAwait(false);
            try
            {
                Directory.Delete(Path);
                return;
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Busy: the last processes are still exiting.
                await Task.Delay(10, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }
}
