namespace Mge.Sandbox;

/// <summary>
/// The argv that starts a step: a tiny /bin/sh prologue that moves itself into the step's pids cgroup (when there
/// is one) and then execs the rest (bwrap, or setsid and the step's program), so the step's first process and all
/// its descendants are born inside the cgroup and the pid we hold is the step's own.
/// </summary>
internal static class LaunchCommand
{
    // $0 is the cgroup.procs file to join, or "-" for none; "$@" is what to exec.
    private const string Prologue = """[ "$0" = - ] || echo $$ > "$0" || exit 125; exec "$@" """;

    public static IReadOnlyList<string> Build(string? cgroupProcsFile, IEnumerable<string> command) =>
        ["/bin/sh", "-c", Prologue, cgroupProcsFile ?? "-", .. command];
}
