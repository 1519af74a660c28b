namespace Mge.Sandbox;

/// <summary>
/// bwrap's arguments for one step: the whole filesystem read-only, /dev and a fresh /proc (this PID namespace's
/// processes only: nothing of MGE's environment readable through /proc), a private /tmp, home directories and the
/// configured paths hidden, the workspace writable at its own path, its own user (no capabilities), PID, IPC and
/// UTS namespaces, no network unless the step allows it (then the host's, with DNS), a new session (no terminal
/// injection), killed with its parent, and exactly the given environment.
/// </summary>
internal static class BubblewrapArguments
{
    /// <summary>The HOME steps get under bubblewrap: an empty directory in a tmpfs.</summary>
    public const string Home = "/home/sandbox";

    public static IReadOnlyList<string> Build(
        string bubblewrap,
        LocalSandboxOptions options,
        string workspace,
        bool allowNetwork,
        IReadOnlyDictionary<string, string> environment,
        IEnumerable<string> command)
    {
        var uid = options.SandboxUserId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var args = new List<string>
        {
            bubblewrap,
            "--unshare-all",
            "--uid", uid,
            "--gid", uid,
            "--die-with-parent",
            "--new-session",
            "--ro-bind", "/", "/",
            "--dev", "/dev",
            "--proc", "/proc",
            "--tmpfs", "/tmp",
            "--tmpfs", "/root",
            "--tmpfs", "/home",
            "--dir", Home,
        };
        if (allowNetwork)
        {
            args.Add("--share-net");
        }

        foreach (var hidden in options.HiddenPaths.Select(p => p.TrimEnd('/')))
        {
            if (Directory.Exists(hidden))
            {
                args.AddRange(["--tmpfs", hidden]);
            }
            else if (File.Exists(hidden))
            {
                args.AddRange(["--ro-bind", "/dev/null", hidden]);
            }
        }

        if (allowNetwork && options.HiddenPaths.Any(p => p.TrimEnd('/') == "/run"))
        {
            // systemd-resolved's resolv.conf lives under /run: give DNS back to steps that may use the network.
            args.AddRange(["--ro-bind-try", "/run/systemd/resolve", "/run/systemd/resolve"]);
        }

        // After the tmpfs mounts, so a workspace under /tmp or a home directory is still reachable.
        args.AddRange(["--bind", workspace, workspace, "--chdir", workspace, "--clearenv"]);
        foreach (var (name, value) in environment)
        {
            args.AddRange(["--setenv", name, value]);
        }

        args.Add("--");
        args.AddRange(command);
        return args;
    }

    /// <summary>The isolation line the run summary shows for a step run with these arguments.</summary>
    public static string Describe(bool allowNetwork, int? maxProcesses) =>
        "bubblewrap: read-only filesystem outside the workspace, "
        + (allowNetwork ? "network allowed" : "no network")
        + (maxProcesses is { } max ? $", at most {max} processes" : ", process count not bounded (no writable pids cgroup)");
}
