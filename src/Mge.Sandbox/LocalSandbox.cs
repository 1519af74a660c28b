using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Mge.Pipeline.Verification;

namespace Mge.Sandbox;

/// <summary>
/// The local <see cref="ISandbox"/>: each step is a child process in the workspace. Where bwrap works (probed once)
/// the step runs under it (see <see cref="BubblewrapArguments"/>) and a smoke step's app and probes share one
/// sandbox (see <see cref="SmokeSupervisor"/>); elsewhere the step is a plain child process with the scrubbed
/// environment and a temporary HOME, and its result says "not isolated". Either way, where a pids cgroup can be
/// created the step's process count is capped and every process it left is found and killed.
/// </summary>
public sealed class LocalSandbox : ISandbox
{

    private readonly LocalSandboxOptions _options;
    private readonly SemaphoreSlim _probeGate = new(1, 1);
    private HostIsolation? _host;

    public LocalSandbox(LocalSandboxOptions? options = null)
    {
        _options = options ?? new LocalSandboxOptions();
        _options.Validate();
    }

    public async Task<SandboxResult> RunAsync(SandboxStep step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        step.Validate();
        var output = new CappedOutput(step.OutputCap);
        var (outcome, isolation) = await RunIsolatedAsync(step, step.Arguments, step.Environment, output, output, cancellationToken).ConfigureAwait(false);
        return ToResult(step, outcome, output, isolation);
    }

    public async Task<SmokeResult> SmokeAsync(SmokeStep step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        step.Validate();
        var host = await GetHostAsync(cancellationToken).ConfigureAwait(false);
        // Under bubblewrap the app has its own network namespace: any port is free there.
        var port = host.Bubblewrap is not null ? step.Port : ChooseHostPort(step.Port);
        var portText = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var app = step.App with
        {
            Arguments = [.. step.App.Arguments.Select(a => a.Replace(SmokeStep.PortPlaceholder, portText, StringComparison.Ordinal))],
            Environment = step.App.Environment.ToDictionary(e => e.Key, e => e.Value.Replace(SmokeStep.PortPlaceholder, portText, StringComparison.Ordinal), StringComparer.Ordinal),
        };

        var protocol = new CappedOutput(SmokeSupervisor.MaxProtocolBytes(step));
        var appOutput = new CappedOutput(app.OutputCap);
        var supervisor = SmokeSupervisor.Build(step, app.Arguments, port);
        var (outcome, isolation) = await RunIsolatedAsync(app, supervisor, app.Environment, protocol, appOutput, cancellationToken).ConfigureAwait(false);
        var (started, timeToListen, probes) = SmokeSupervisor.Parse(protocol.ToText(), step, port, outcome.TimedOut);
        return new SmokeResult(started, port, timeToListen, probes, ToResult(app, outcome, appOutput, isolation));
    }

    private async Task<(ChildProcessOutcome Outcome, SandboxIsolation Isolation)> RunIsolatedAsync(
        SandboxStep step,
        IReadOnlyList<string> command,
        IReadOnlyDictionary<string, string> environment,
        CappedOutput stdout,
        CappedOutput stderr,
        CancellationToken cancellationToken)
    {
        var host = await GetHostAsync(cancellationToken).ConfigureAwait(false);
        var workspace = Path.GetFullPath(step.WorkingDirectory);
        var cgroup = host.PidsCgroupRoot is { } root ? await PidsCgroup.CreateAsync(root, _options.MaxProcesses, cancellationToken).ConfigureAwait(false) : null;
        DirectoryInfo? temporaryHome = null;
        try
        {
            IReadOnlyList<string> argv;
            IReadOnlyDictionary<string, string> processEnvironment;
            SandboxIsolation isolation;
            if (host.Bubblewrap is { } bubblewrap)
            {
                var inside = StepEnvironment(BubblewrapArguments.Home, environment);
                argv = LaunchCommand.Build(cgroup?.ProcsFile, BubblewrapArguments.Build(bubblewrap, _options, workspace, step.AllowNetwork, inside, command));
                processEnvironment = new Dictionary<string, string>();
                isolation = new SandboxIsolation(true, BubblewrapArguments.Describe(step.AllowNetwork, cgroup is null ? null : _options.MaxProcesses));
            }
            else
            {
                temporaryHome = Directory.CreateTempSubdirectory("mge-sandbox-home-");
                processEnvironment = StepEnvironment(temporaryHome.FullName, environment);
                argv = LaunchCommand.Build(cgroup?.ProcsFile, host.Setsid is { } setsid ? [setsid, .. command] : command);
                isolation = new SandboxIsolation(false, $"not isolated: {host.BubblewrapProblem}");
            }

            var outcome = await ChildProcess.RunAsync(
                argv,
                workspace,
                processEnvironment,
                step.TimeLimit,
                stdout,
                stderr,
                process => KillTreeAsync(process, host, cgroup),
                _options.CleanupTimeout,
                cancellationToken).ConfigureAwait(false);
            return (outcome, isolation);
        }
        finally
        {
            if (cgroup is not null)
            {
                await cgroup.RemoveAsync(_options.CleanupTimeout).ConfigureAwait(false);
            }

            temporaryHome?.Delete(recursive: true);
        }
    }

    private async Task KillTreeAsync(Process process, HostIsolation host, PidsCgroup? cgroup)
    {
        if (host.Bubblewrap is not null)
        {
            // bwrap's child dies with it (--die-with-parent), and with it the sandbox's PID namespace.
            process.Kill();
        }
        else
        {
            if (host.Setsid is not null)
            {
                // setsid made the step's first process a process group leader: the group outlives it.
                NativeSignals.KillGroup(process.Id);
            }

            process.Kill(entireProcessTree: true);
        }

        if (cgroup is not null)
        {
            await cgroup.KillAllAsync(_options.CleanupTimeout).ConfigureAwait(false);
        }
    }

    private Dictionary<string, string> StepEnvironment(string home, IReadOnlyDictionary<string, string> stepEnvironment)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = _options.SearchPath,
            ["HOME"] = home,
            ["LANG"] = _options.Language,
        };
        foreach (var (name, value) in stepEnvironment)
        {
            environment[name] = value;
        }

        return environment;
    }

    private async Task<HostIsolation> GetHostAsync(CancellationToken cancellationToken)
    {
        if (_host is { } known)
        {
            return known;
        }

        await _probeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _host ??= await HostIsolation.ProbeAsync(_options, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _probeGate.Release();
        }
    }

    /// <summary>Sharing the host's network, the step's port may be taken: use it when free, else a free one.</summary>
    private static int ChooseHostPort(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
            return port;
        }
        catch (SocketException)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }

    private static SandboxResult ToResult(SandboxStep step, ChildProcessOutcome outcome, CappedOutput output, SandboxIsolation isolation) => new(
        step.Kind,
        outcome.ExitCode,
        outcome.TimedOut,
        output.BytesDropped > 0,
        output.BytesDropped,
        output.ToText(),
        outcome.Duration,
        isolation);
}
