using Mge.Pipeline.Verification;

namespace Mge.Sandbox.Tests;

/// <summary>Steps and sandboxes as the tests use them.</summary>
internal static class Steps
{
    /// <summary>The sandbox under bubblewrap; the tests that use it check that bubblewrap really was used.</summary>
    public static LocalSandbox Isolated(int maxProcesses = 512) => new(new LocalSandboxOptions { MaxProcesses = maxProcesses });

    /// <summary>The sandbox forced to plain child processes.</summary>
    public static LocalSandbox NotIsolated() => new(new LocalSandboxOptions { UseBubblewrap = false });

    public static SandboxStep Test(
        TestWorkspace workspace,
        IReadOnlyList<string> argv,
        TimeSpan? timeLimit = null,
        int outputCap = 64 * 1024,
        bool network = false,
        IReadOnlyDictionary<string, string>? environment = null) =>
        new(network ? SandboxStepKind.Install : SandboxStepKind.Test, argv, workspace.Path, environment ?? new Dictionary<string, string>(), timeLimit ?? TimeSpan.FromSeconds(20), outputCap, network);

    public static SandboxStep Shell(TestWorkspace workspace, string script, TimeSpan? timeLimit = null, bool network = false) =>
        Test(workspace, ["/bin/sh", "-c", script], timeLimit, network: network);

    /// <summary>A sandbox result that must have come from bubblewrap: a silent fallback would make the isolation tests pass for nothing.</summary>
    public static void AssertIsolated(SandboxResult result)
    {
        Assert.True(result.Isolation.IsIsolated, $"Expected bubblewrap isolation (apt-get install -y bubblewrap), got: {result.Isolation.Description}");
        Assert.StartsWith("bubblewrap: read-only filesystem outside the workspace", result.Isolation.Description);
    }
}
