using Mge.Pipeline.Verification;

namespace Mge.Sandbox.Tests;

/// <summary>
/// The building blocks together on a small Node project, as the verification phase will use them: npm install with
/// the network, the project's own tests without it (their TAP read into a report), then the app smoked.
/// </summary>
public sealed class EndToEndTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_node_project_installs_runs_its_tests_and_answers_its_smoke_probes()
    {
        using var workspace = new TestWorkspace();
        workspace.Write("package.json", """{ "name": "tasks-api", "version": "1.0.0", "private": true, "dependencies": { "ms": "^2.1.3" } }""");
        workspace.Write("src/duration.js", "const ms = require('ms');\nmodule.exports = { toMs: (text) => ms(text) + 1 };\n");
        workspace.Write("test/duration.test.js", """
            const test = require('node:test');
            const assert = require('node:assert/strict');
            const { toMs } = require('../src/duration');
            test('parses seconds', () => { assert.equal(toMs('2s'), 2000); });
            test('is a number', () => { assert.equal(typeof toMs('1m'), 'number'); });
            """);
        workspace.Write("server.js", SmokeTests.Server);
        var sandbox = Steps.Isolated();

        var install = await sandbox.RunAsync(new SandboxStep(
            SandboxStepKind.Install, ["npm", "install", "--no-audit", "--no-fund"], workspace.Path, new Dictionary<string, string>(), TimeSpan.FromMinutes(3), 64 * 1024, AllowNetwork: true));
        Assert.True(install.Succeeded, install.Output);
        Assert.True(File.Exists(Path.Combine(workspace.Path, "node_modules", "ms", "package.json")));

        var test = await sandbox.RunAsync(new SandboxStep(
            SandboxStepKind.Test, ["node", "--test"], workspace.Path, new Dictionary<string, string> { ["NODE_ENV"] = "test" }, TimeSpan.FromMinutes(1), 256 * 1024, AllowNetwork: false));
        Steps.AssertIsolated(test);
        Assert.Equal(1, test.ExitCode);
        var report = TestReportReader.Read(TestReportFormat.NodeTap, test.Output, workspace.Path);
        Assert.True(report.Complete);
        Assert.Equal((1, 1, 0), (report.Passed, report.Failed, report.Skipped));
        var failed = Assert.Single(report.Tests, t => t.Outcome == TestOutcome.Failed);
        Assert.Equal("parses seconds", failed.Name);
        Assert.Equal("test/duration.test.js", failed.File);
        Assert.Contains("2001 !== 2000", failed.Message);
        Assert.Equal([new ProjectFrame("test/duration.test.js", 4, 39, "TestContext.<anonymous>")], failed.Frames);

        var smoke = await sandbox.SmokeAsync(SmokeTests.Step(workspace, ["node", "server.js"], paths: ["/health", "/tasks"]));
        Assert.True(smoke.Succeeded, smoke.App.Output);
    }
}
