namespace Mge.Sandbox;

/// <summary>How <see cref="LocalSandbox"/> isolates steps on this machine.</summary>
public sealed record LocalSandboxOptions
{
    /// <summary>Run steps under bubblewrap when it exists and works; false forces plain child processes ("not isolated").</summary>
    public bool UseBubblewrap { get; init; } = true;

    /// <summary>The bwrap program: a name looked up on PATH, or a path.</summary>
    public string BubblewrapPath { get; init; } = "bwrap";

    /// <summary>Processes a step may have at once (a pids cgroup per step, where one can be created).</summary>
    public int MaxProcesses { get; init; } = 512;

    /// <summary>
    /// The pids cgroup hierarchy to create per-step cgroups in; null finds one: cgroup v1's /sys/fs/cgroup/pids,
    /// or the cgroup v2 root when its pids controller is enabled for children. Needs write access (root).
    /// </summary>
    public string? PidsCgroupRoot { get; init; }

    /// <summary>
    /// Paths hidden from steps under bubblewrap besides /root, /home and /tmp (always hidden): a directory becomes an
    /// empty tmpfs, a file reads as empty. Missing paths are skipped.
    /// </summary>
    public IReadOnlyList<string> HiddenPaths { get; init; } = ["/run", "/var/tmp", "/mnt", "/media", "/srv", "/etc/shadow", "/etc/gshadow"];

    /// <summary>The PATH steps see unless the step sets its own.</summary>
    public string SearchPath { get; init; } = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary>The LANG steps see unless the step sets its own.</summary>
    public string Language { get; init; } = "C.UTF-8";

    /// <summary>The user and group id a step runs as inside bubblewrap's user namespace (it owns the workspace there).</summary>
    public int SandboxUserId { get; init; } = 1000;

    /// <summary>How long to wait for a killed step's processes to be gone and its output pipes to close.</summary>
    public TimeSpan CleanupTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Throws <see cref="ArgumentException"/> naming every problem.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(BubblewrapPath))
        {
            problems.Add("BubblewrapPath is empty");
        }

        if (MaxProcesses < 8)
        {
            problems.Add($"MaxProcesses must be at least 8 (got {MaxProcesses})");
        }

        if (HiddenPaths.Any(p => !Path.IsPathFullyQualified(p) || p.TrimEnd('/').Length == 0))
        {
            problems.Add("every hidden path must be absolute and not '/'");
        }

        if (string.IsNullOrWhiteSpace(SearchPath) || string.IsNullOrWhiteSpace(Language))
        {
            problems.Add("SearchPath and Language must be set");
        }

        if (SandboxUserId is < 1 or > 65534)
        {
            problems.Add($"SandboxUserId must be 1-65534 (got {SandboxUserId})");
        }

        if (CleanupTimeout <= TimeSpan.Zero)
        {
            problems.Add("CleanupTimeout must be positive");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid sandbox options: {string.Join("; ", problems)}.");
        }
    }
}
