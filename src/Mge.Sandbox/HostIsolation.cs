using System.Diagnostics;

namespace Mge.Sandbox;

/// <summary>
/// What this machine offers for isolating steps, found once: a working bwrap (or why not), a pids cgroup
/// hierarchy we can create cgroups in (or why not), and setsid for plain child processes.
/// </summary>
/// <param name="Bubblewrap">The absolute path of a bwrap that ran a probe sandbox, or null.</param>
/// <param name="BubblewrapProblem">Why bubblewrap is not used ("bubblewrap not found", its error), when <paramref name="Bubblewrap"/> is null.</param>
/// <param name="PidsCgroupRoot">Where per-step pids cgroups are created, or null.</param>
/// <param name="PidsCgroupProblem">Why there is no pids cgroup, when <paramref name="PidsCgroupRoot"/> is null.</param>
/// <param name="Setsid">The absolute path of setsid (a plain child gets its own process group, killed as one), or null.</param>
internal sealed record HostIsolation(
    string? Bubblewrap,
    string? BubblewrapProblem,
    string? PidsCgroupRoot,
    string? PidsCgroupProblem,
    string? Setsid)
{
    private static readonly TimeSpan ProbeTimeLimit = TimeSpan.FromSeconds(20);

    public static async Task<HostIsolation> ProbeAsync(LocalSandboxOptions options, CancellationToken cancellationToken)
    {
        var (cgroupRoot, cgroupProblem) = await PidsCgroup.FindRootAsync(options.PidsCgroupRoot, cancellationToken).ConfigureAwait(false);
        var setsid = FindProgram("setsid");
        if (!options.UseBubblewrap)
        {
            return new HostIsolation(null, "bubblewrap disabled", cgroupRoot, cgroupProblem, setsid);
        }

        var bubblewrap = FindProgram(options.BubblewrapPath);
        if (bubblewrap is null)
        {
            return new HostIsolation(null, "bubblewrap not found", cgroupRoot, cgroupProblem, setsid);
        }

        var problem = await TryBubblewrapAsync(bubblewrap, options, cancellationToken).ConfigureAwait(false);
        return problem is null
            ? new HostIsolation(bubblewrap, null, cgroupRoot, cgroupProblem, setsid)
            : new HostIsolation(null, $"bubblewrap does not work here ({problem})", cgroupRoot, cgroupProblem, setsid);
    }

    /// <summary>Runs /bin/true in a sandbox built exactly as steps are (no network); null when it worked, else its error.</summary>
    private static async Task<string?> TryBubblewrapAsync(string bubblewrap, LocalSandboxOptions options, CancellationToken cancellationToken)
    {
        var workspace = Directory.CreateTempSubdirectory("mge-sandbox-probe-");
        try
        {
            var environment = new Dictionary<string, string> { ["PATH"] = options.SearchPath };
            var argv = BubblewrapArguments.Build(bubblewrap, options, workspace.FullName, allowNetwork: false, environment, ["/bin/true"]);
            var start = new ProcessStartInfo(argv[0]) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var arg in argv.Skip(1))
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment.Clear();
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {bubblewrap}.");
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(ProbeTimeLimit);
            try
            {
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                return $"the probe did not finish within {ProbeTimeLimit.TotalSeconds:0} s";
            }

            await stdout.ConfigureAwait(false);
            var error = (await stderr.ConfigureAwait(false)).Trim();
            return process.ExitCode == 0 ? null : $"exit code {process.ExitCode}: {(error.Length == 0 ? "no message" : error.Split('\n')[0])}";
        }
        finally
        {
            workspace.Delete(recursive: true);
        }
    }

    private static string? FindProgram(string name)
    {
        if (name.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(name) ? Path.GetFullPath(name) : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
    }
}
