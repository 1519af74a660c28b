using System.Globalization;
using System.Text;
using Mge.Pipeline.Verification;

namespace Mge.Sandbox;

/// <summary>
/// A POSIX sh supervisor that runs a smoke step inside one sandbox (with no network, the caller could not reach an
/// app in the sandbox's own network namespace): it starts the app in the background with its output on stderr,
/// waits until something listens on the port (read from /proc/net/tcp and tcp6, so no client is needed), runs the
/// stack's probe command once per path, and prints one machine-readable line per event on stdout. The app is
/// stopped when the supervisor exits: the sandbox kills the step's whole process tree.
/// Needs only sh, grep, date, sleep, timeout, head and base64 (coreutils) besides the probe's own runtime.
/// </summary>
internal static class SmokeSupervisor
{
    /// <summary>Bytes of a probe's stdout and stderr carried back (the body excerpt is shorter).</summary>
    private const int ProbeOutputBytes = 4096;

    private const string Script = """
        port=$1 listen_ms=$2 probe_s=$3 probe=$4 app=$5
        shift 5
        tmp=$(mktemp -d) || exit 125
        trap 'rm -rf "$tmp"' EXIT
        hex=$(printf '%04X' "$port")
        now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
        start=$(now_ms)
        ( eval "$app" </dev/null 1>&2; echo "$?" >"$tmp/exit" ) &
        while :; do
          elapsed=$(( $(now_ms) - start ))
          if grep -q ":$hex [0-9A-F]*:[0-9A-F]* 0A " /proc/net/tcp /proc/net/tcp6 2>/dev/null; then
            echo "mge-smoke listening $elapsed"
            break
          fi
          if [ -s "$tmp/exit" ]; then
            echo "mge-smoke exited $elapsed $(cat "$tmp/exit")"
            exit 0
          fi
          if [ "$elapsed" -ge "$listen_ms" ]; then
            echo "mge-smoke not-listening $elapsed"
            exit 0
          fi
          sleep 0.05
        done
        i=0
        for path; do
          eval "timeout $probe_s $probe \"http://127.0.0.1:$port\$path\"" </dev/null >"$tmp/out" 2>"$tmp/err"
          rc=$?
          echo "mge-probe $i $rc $(head -c __BYTES__ "$tmp/out" | base64 -w0) $(head -c __BYTES__ "$tmp/err" | base64 -w0)"
          i=$((i + 1))
        done
        echo "mge-smoke done"
        """;

    /// <summary>
    /// The most the supervisor prints: a few short lines plus one line per probe (index, exit code, and the two
    /// base64 excerpts); a cap this size never cuts a line, so every line read is whole.
    /// </summary>
    public static int MaxProtocolBytes(SmokeStep step) => (step.ProbePaths.Count + 4) * (((ProbeOutputBytes + 2) / 3 * 4 * 2) + 64);

    /// <summary>The supervisor's argv for a smoke step whose app listens on <paramref name="port"/>.</summary>
    public static IReadOnlyList<string> Build(SmokeStep step, IReadOnlyList<string> appArguments, int port) =>
    [
        "/bin/sh",
        "-c",
        Script.Replace("__BYTES__", ProbeOutputBytes.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
        "mge-smoke",
        port.ToString(CultureInfo.InvariantCulture),
        ((long)step.ListenTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
        step.ProbeTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture),
        Quote(step.ProbeCommand),
        Quote(appArguments),
        .. step.ProbePaths,
    ];

    /// <summary>Reads the supervisor's stdout into the smoke result's parts.</summary>
    /// <param name="protocol">The supervisor's stdout.</param>
    /// <param name="step">The step (paths, timeouts, port for the messages).</param>
    /// <param name="port">The port used.</param>
    /// <param name="timedOut">The smoke step reached its time limit (lines after that point are missing).</param>
    public static (bool Started, TimeSpan? TimeToListen, IReadOnlyList<ProbeResult> Probes) Parse(string protocol, SmokeStep step, int port, bool timedOut)
    {
        var started = false;
        TimeSpan? timeToListen = null;
        string? notStarted = null;
        var probes = new Dictionary<int, ProbeResult>();
        foreach (var line in protocol.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ');
            switch (parts)
            {
                case ["mge-smoke", "listening", var ms]:
                    started = true;
                    timeToListen = TimeSpan.FromMilliseconds(long.Parse(ms, CultureInfo.InvariantCulture));
                    break;
                case ["mge-smoke", "exited", var ms, var code]:
                    notStarted = $"the app exited with code {code} after {ms} ms, before listening on port {port}";
                    break;
                case ["mge-smoke", "not-listening", _]:
                    notStarted = $"the app did not listen on port {port} within {step.ListenTimeout.TotalSeconds:0.#} s";
                    break;
                case ["mge-probe", var index, var exitCode, var stdout, var stderr]:
                    var i = int.Parse(index, CultureInfo.InvariantCulture);
                    if (i >= 0 && i < step.ProbePaths.Count)
                    {
                        probes[i] = ToProbeResult(step, step.ProbePaths[i], int.Parse(exitCode, CultureInfo.InvariantCulture), Decode(stdout), Decode(stderr));
                    }

                    break;
            }
        }

        var missing = notStarted is not null ? $"not probed: {notStarted}"
            : timedOut ? $"not probed: the smoke step reached its time limit ({step.App.TimeLimit.TotalSeconds:0.#} s)"
            : "not probed: the supervisor stopped early";
        var results = step.ProbePaths
            .Select((path, i) => probes.TryGetValue(i, out var probe) ? probe : new ProbeResult(path, null, missing, string.Empty))
            .ToList();
        return (started, timeToListen, results);
    }

    private static ProbeResult ToProbeResult(SmokeStep step, string path, int exitCode, string stdout, string stderr)
    {
        if (exitCode == 124)
        {
            return new ProbeResult(path, null, $"the probe timed out after {step.ProbeTimeout.TotalSeconds:0.#} s", string.Empty);
        }

        if (exitCode != 0)
        {
            var error = stderr.Trim();
            return new ProbeResult(path, null, error.Length > 0 ? Excerpt(error) : $"the probe exited with code {exitCode}", string.Empty);
        }

        var newline = stdout.IndexOf('\n', StringComparison.Ordinal);
        var statusText = (newline < 0 ? stdout : stdout[..newline]).Trim();
        var body = newline < 0 ? string.Empty : stdout[(newline + 1)..];
        return int.TryParse(statusText, NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status is >= 100 and <= 599
            ? new ProbeResult(path, status, null, Excerpt(body))
            : new ProbeResult(path, null, $"the probe printed no status code (first line: '{Excerpt(statusText)}')", Excerpt(body));
    }

    private static string Excerpt(string text) =>
        text.Length <= ProbeResult.BodyExcerptLength ? text.TrimEnd() : text[..ProbeResult.BodyExcerptLength];

    private static string Decode(string base64) => base64.Length == 0 ? string.Empty : Encoding.UTF8.GetString(Convert.FromBase64String(base64));

    /// <summary>An argv as one sh word list for eval: each argument single-quoted, its quotes escaped.</summary>
    internal static string Quote(IEnumerable<string> arguments) =>
        string.Join(' ', arguments.Select(a => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
}
