using Mge.Pipeline.Verification;

namespace Mge.Sandbox.Tests;

/// <summary>Without bubblewrap (forced): the same API, plain child processes, and results that say so.</summary>
public sealed class FallbackTests
{
    [Fact]
    public async Task A_step_runs_with_the_scrubbed_environment_and_a_temporary_home_and_says_not_isolated()
    {
        using var workspace = new TestWorkspace();
        Environment.SetEnvironmentVariable("AZURE_OPENAI_API_KEY", "sk-mge-fake-key");
        var step = Steps.Test(workspace, ["/usr/bin/env"], environment: new Dictionary<string, string> { ["NODE_ENV"] = "test" });

        var result = await Steps.NotIsolated().RunAsync(step);

        Assert.Equal(new SandboxIsolation(false, "not isolated: bubblewrap disabled"), result.Isolation);
        Assert.Equal(0, result.ExitCode);
        var variables = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToDictionary(l => l.Split('=', 2)[0], l => l.Split('=', 2)[1]);
        // PWD comes from the /bin/sh that starts the step (the workspace).
        Assert.Equal(["HOME", "LANG", "NODE_ENV", "PATH", "PWD"], variables.Keys.Order());
        Assert.Equal(workspace.Path, variables["PWD"]);
        Assert.StartsWith(Path.Combine(Path.GetTempPath(), "mge-sandbox-home-"), variables["HOME"]);
        Assert.False(Directory.Exists(variables["HOME"]));
    }

    [Fact]
    public async Task Timeouts_and_servers_left_behind_are_killed_with_the_whole_process_group()
    {
        using var workspace = new TestWorkspace();
        var marker = $"mge-fallback-{Guid.NewGuid():N}";
        var sandbox = Steps.NotIsolated();

        var leftBehind = await sandbox.RunAsync(Steps.Shell(workspace, $"sh -c 'while :; do sleep 0.2; done' {marker} & echo started"));
        var looping = await sandbox.RunAsync(Steps.Shell(workspace, $"sh -c 'while :; do sleep 0.2; done' {marker} & while :; do :; done", TimeSpan.FromSeconds(1)));

        Assert.Equal((0, "started\n"), (leftBehind.ExitCode, leftBehind.Output));
        Assert.True(looping.TimedOut);
        Assert.StartsWith("not isolated: ", looping.Isolation.Description);
        Assert.Empty(LeftoverProcesses.Find(marker));
    }

    [Fact]
    public async Task Without_a_pids_cgroup_the_process_group_still_takes_what_a_step_left_behind()
    {
        using var workspace = new TestWorkspace();
        var marker = $"mge-nocgroup-{Guid.NewGuid():N}";
        // /proc takes no new directories: no cgroup can be made there, as on a machine without a writable pids hierarchy.
        var sandbox = new LocalSandbox(new LocalSandboxOptions { UseBubblewrap = false, PidsCgroupRoot = "/proc" });

        var result = await sandbox.RunAsync(Steps.Shell(workspace, $"sh -c 'while :; do sleep 0.2; done' {marker} & echo started"));

        Assert.Equal((0, "started\n"), (result.ExitCode, result.Output));
        Assert.Empty(LeftoverProcesses.Find(marker));
    }

    [Fact]
    public async Task A_smoke_step_starts_the_app_on_a_free_port_and_probes_it()
    {
        using var workspace = new TestWorkspace();
        workspace.Write("server.js", SmokeTests.Server);
        // The step asks for a port that is taken on this machine: sharing the host's network, another is used.
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Any, 0);
        taken.Start();
        var takenPort = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;

        var result = await Steps.NotIsolated().SmokeAsync(SmokeTests.Step(workspace, ["node", "server.js"], port: takenPort));

        Assert.False(result.App.Isolation.IsIsolated);
        Assert.True(result.Started, result.App.Output);
        Assert.NotEqual(takenPort, result.Port);
        Assert.Equal($"listening on {result.Port}\n", result.App.Output);
        Assert.Equal([200, 200, 404], result.Probes.Select(p => p.StatusCode));
        Assert.Equal("""{"status":"ok"}""", result.Probes[0].BodyExcerpt);
    }
}
