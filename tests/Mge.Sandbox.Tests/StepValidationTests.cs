using Mge.Pipeline.Verification;

namespace Mge.Sandbox.Tests;

public sealed class StepValidationTests
{
    [Fact]
    public async Task A_bad_step_is_refused_before_anything_runs_naming_every_problem()
    {
        var step = new SandboxStep(SandboxStepKind.Test, [], "relative/dir", new Dictionary<string, string> { ["A=B"] = "x" }, TimeSpan.Zero, 10, false);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Steps.NotIsolated().RunAsync(step));

        Assert.Contains("no program to run", error.Message);
        Assert.Contains("absolute path", error.Message);
        Assert.Contains("invalid environment variable 'A=B'", error.Message);
        Assert.Contains("time limit must be positive", error.Message);
        Assert.Contains("output cap must be at least 1024", error.Message);
    }

    [Fact]
    public async Task A_smoke_step_with_network_or_a_bad_path_is_refused()
    {
        using var workspace = new TestWorkspace();
        var step = SmokeTests.Step(workspace, ["node", "server.js"], paths: ["health", "/a b"]) is var s
            ? s with { App = s.App with { AllowNetwork = true }, Port = 0 }
            : throw new InvalidOperationException();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Steps.NotIsolated().SmokeAsync(step));

        Assert.Contains("without network", error.Message);
        Assert.Contains("port must be 1-65535", error.Message);
        Assert.Contains("(got 'health')", error.Message);
        Assert.Contains("(got '/a b')", error.Message);
    }

    [Fact]
    public void Options_are_checked_once_when_the_sandbox_is_made()
    {
        var error = Assert.Throws<ArgumentException>(() => new LocalSandbox(new LocalSandboxOptions { MaxProcesses = 2, HiddenPaths = ["relative"], SandboxUserId = 0 }));

        Assert.Contains("MaxProcesses", error.Message);
        Assert.Contains("hidden path", error.Message);
        Assert.Contains("SandboxUserId", error.Message);
    }

    [Fact]
    public void Bubblewrap_gets_the_network_only_when_the_step_allows_it_and_exactly_the_steps_environment()
    {
        var environment = new Dictionary<string, string> { ["PATH"] = "/usr/bin", ["PORT"] = "3000" };

        var offline = BubblewrapArguments.Build("/usr/bin/bwrap", new LocalSandboxOptions(), "/ws", allowNetwork: false, environment, ["npm", "test"]);
        var online = BubblewrapArguments.Build("/usr/bin/bwrap", new LocalSandboxOptions(), "/ws", allowNetwork: true, environment, ["npm", "install"]);

        Assert.DoesNotContain("--share-net", offline);
        Assert.Contains("--share-net", online);
        Assert.Equal(["--", "npm", "test"], offline.TakeLast(3));
        var clearenv = offline.ToList().IndexOf("--clearenv");
        Assert.Equal(["--setenv", "PATH", "/usr/bin", "--setenv", "PORT", "3000"], offline.Skip(clearenv + 1).Take(6));
        // The workspace is bound after the tmpfs mounts that could hide it.
        Assert.True(offline.ToList().IndexOf("--bind") > offline.ToList().LastIndexOf("--tmpfs"));
    }
}
