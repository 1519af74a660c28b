using System.Net;
using System.Net.Sockets;
using Mge.Pipeline.Verification;

namespace Mge.Sandbox.Tests;

/// <summary>Real processes under bubblewrap: what a generated project can and cannot do.</summary>
public sealed class IsolationTests
{
    [Fact]
    public async Task A_command_that_loops_forever_is_cut_off_at_its_limit_and_reported_timed_out()
    {
        using var workspace = new TestWorkspace();
        var marker = $"mge-loop-{Guid.NewGuid():N}";

        var result = await Steps.Isolated().RunAsync(Steps.Shell(workspace, $"echo {marker} started; while :; do :; done", TimeSpan.FromSeconds(1)));

        Steps.AssertIsolated(result);
        Assert.True(result.TimedOut);
        Assert.Null(result.ExitCode);
        Assert.False(result.Succeeded);
        Assert.Contains($"{marker} started", result.Output);
        Assert.InRange(result.Duration, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4));
        Assert.Empty(LeftoverProcesses.Find(marker));
    }

    [Fact]
    public async Task Only_the_workspace_is_writable()
    {
        using var workspace = new TestWorkspace();

        var result = await Steps.Isolated().RunAsync(Steps.Shell(
            workspace,
            "echo built > out.txt && echo in-workspace:ok; touch /usr/mge-sandbox-probe 2>/dev/null && echo usr:written || echo usr:refused; touch /etc/mge-sandbox-probe 2>/dev/null && echo etc:written || echo etc:refused; id -u"));

        Steps.AssertIsolated(result);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("in-workspace:ok\nusr:refused\netc:refused\n1000\n", result.Output);
        Assert.Equal("built\n", File.ReadAllText(Path.Combine(workspace.Path, "out.txt")));
        Assert.False(File.Exists("/usr/mge-sandbox-probe"));
    }

    [Fact]
    public async Task A_command_reading_the_home_directorys_ssh_keys_sees_nothing()
    {
        using var workspace = new TestWorkspace();
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var ssh = Path.Combine(home, ".ssh");
        var createdSsh = !Directory.Exists(ssh);
        var key = Path.Combine(ssh, $"mge-sandbox-test-{Guid.NewGuid():N}");
        Directory.CreateDirectory(ssh);
        File.WriteAllText(key, "-----BEGIN OPENSSH PRIVATE KEY----- fake");
        try
        {
            var result = await Steps.Isolated().RunAsync(Steps.Shell(
                workspace,
                $"echo home=$HOME; ls ~/.ssh >/dev/null 2>&1 && echo home-ssh:present || echo home-ssh:absent; "
                + $"ls '{ssh}' >/dev/null 2>&1 && echo real-ssh:present || echo real-ssh:absent; "
                + $"cat '{key}' 2>/dev/null || echo key:unreadable; echo /root:$(ls -A /root | wc -l) /home:$(ls -A /home)"));

            Steps.AssertIsolated(result);
            Assert.Equal("home=/home/sandbox\nhome-ssh:absent\nreal-ssh:absent\nkey:unreadable\n/root:0 /home:sandbox\n", result.Output);
            // The real home exists on this machine; the sandbox's /root is empty.
            Assert.True(File.Exists(key));
        }
        finally
        {
            File.Delete(key);
            if (createdSsh)
            {
                Directory.Delete(ssh);
            }
        }
    }

    [Fact]
    public async Task A_command_dumping_its_environment_sees_only_what_the_step_names()
    {
        using var workspace = new TestWorkspace();
        Environment.SetEnvironmentVariable("AzureWebJobsStorage", "DefaultEndpointsProtocol=https;AccountName=mgefake;AccountKey=ZmFrZQ==");
        Environment.SetEnvironmentVariable("AZURE_OPENAI_API_KEY", "sk-mge-fake-key");
        var step = Steps.Test(workspace, ["/usr/bin/env"], environment: new Dictionary<string, string> { ["NODE_ENV"] = "test", ["PORT"] = "3000" });

        var result = await Steps.Isolated().RunAsync(step);

        Steps.AssertIsolated(result);
        var variables = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToDictionary(l => l.Split('=', 2)[0], l => l.Split('=', 2)[1]);
        // PWD is bwrap's own (the workspace, as --chdir sets it).
        Assert.Equal(["HOME", "LANG", "NODE_ENV", "PATH", "PORT", "PWD"], variables.Keys.Order());
        Assert.Equal(("/home/sandbox", "C.UTF-8", workspace.Path), (variables["HOME"], variables["LANG"], variables["PWD"]));
        Assert.DoesNotContain("mgefake", result.Output);
        Assert.DoesNotContain("sk-mge-fake-key", result.Output);
    }

    [Fact]
    public async Task The_parents_environment_is_not_readable_through_proc_either()
    {
        using var workspace = new TestWorkspace();
        Environment.SetEnvironmentVariable("AZURE_OPENAI_API_KEY", "sk-mge-fake-key");

        var result = await Steps.Isolated().RunAsync(Steps.Shell(workspace, $"cat /proc/{Environment.ProcessId}/environ 2>&1; cat /proc/*/environ 2>/dev/null | tr '\\0' '\\n' | grep -c AZURE_OPENAI_API_KEY"));

        Steps.AssertIsolated(result);
        Assert.DoesNotContain("sk-mge-fake-key", result.Output);
        Assert.EndsWith("0\n", result.Output);
    }

    [Fact]
    public async Task A_network_call_fails_without_network_while_loopback_works()
    {
        using var workspace = new TestWorkspace();
        using var hostListener = new TcpListener(IPAddress.Loopback, 0);
        hostListener.Start();
        var hostPort = ((IPEndPoint)hostListener.LocalEndpoint).Port;
        workspace.Write("net.js", """
            const net = require('net');
            const fs = require('fs');
            const connect = (port) => new Promise((resolve) => {
              const socket = net.connect(port, '127.0.0.1');
              socket.on('connect', () => { socket.destroy(); resolve('connected'); });
              socket.on('error', (e) => resolve(e.code));
            });
            (async () => {
              const server = net.createServer((s) => s.end()).listen(0, '127.0.0.1');
              await new Promise((resolve) => server.on('listening', resolve));
              const loopback = await connect(server.address().port);
              server.close();
              const host = await connect(Number(process.argv[2]));
              const interfaces = fs.readFileSync('/proc/net/dev', 'utf8').split('\n').slice(2)
                .map((l) => l.split(':')[0].trim()).filter(Boolean).sort().join(',');
              console.log(`loopback:${loopback} host:${host} interfaces:${interfaces}`);
            })();
            """);
        var sandbox = Steps.Isolated();
        var argv = new[] { "node", "net.js", hostPort.ToString(System.Globalization.CultureInfo.InvariantCulture) };

        var offline = await sandbox.RunAsync(Steps.Test(workspace, argv));
        var online = await sandbox.RunAsync(Steps.Test(workspace, argv, network: true));

        Steps.AssertIsolated(offline);
        Assert.Equal("bubblewrap: read-only filesystem outside the workspace, no network, at most 512 processes", offline.Isolation.Description);
        Assert.Equal("loopback:connected host:ECONNREFUSED interfaces:lo\n", offline.Output);
        Assert.Contains("network allowed", online.Isolation.Description);
        Assert.StartsWith("loopback:connected host:connected interfaces:", online.Output);
        Assert.NotEqual("loopback:connected host:connected interfaces:lo\n", online.Output);
    }

    [Fact]
    public async Task A_server_left_behind_by_a_finished_step_does_not_survive_it()
    {
        using var workspace = new TestWorkspace();
        var marker = $"mge-left-{Guid.NewGuid():N}";

        var result = await Steps.Isolated().RunAsync(Steps.Shell(workspace, $"sh -c 'while :; do sleep 0.2; done' {marker} & echo started"));

        Steps.AssertIsolated(result);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("started\n", result.Output);
        Assert.Empty(LeftoverProcesses.Find(marker));
    }

    [Fact]
    public async Task Without_a_pids_cgroup_the_isolation_says_the_process_count_is_not_bounded()
    {
        using var workspace = new TestWorkspace();
        var marker = $"mge-nocgroup-{Guid.NewGuid():N}";
        var sandbox = new LocalSandbox(new LocalSandboxOptions { PidsCgroupRoot = "/proc" });

        var result = await sandbox.RunAsync(Steps.Shell(workspace, $"sh -c 'while :; do sleep 0.2; done' {marker} & echo started"));

        Steps.AssertIsolated(result);
        Assert.Equal("bubblewrap: read-only filesystem outside the workspace, no network, process count not bounded (no writable pids cgroup)", result.Isolation.Description);
        Assert.Empty(LeftoverProcesses.Find(marker));
    }

    [Fact]
    public async Task Cancelling_a_step_kills_its_process_tree_and_throws()
    {
        using var workspace = new TestWorkspace();
        var marker = $"mge-cancel-{Guid.NewGuid():N}";
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(700));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Steps.Isolated().RunAsync(Steps.Shell(workspace, $"sh -c 'while :; do sleep 0.2; done' {marker} & while :; do sleep 0.2; done; echo {marker}"), cancel.Token));

        Assert.Empty(LeftoverProcesses.Find(marker));
    }
}
