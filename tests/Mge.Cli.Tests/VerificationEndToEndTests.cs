using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Mge.Cli.Tests;

/// <summary>
/// <c>mge generate</c> with the verification phase on, as a user runs it: the generated project's own tests run inside
/// MGE (npm install with the network, the tests without it, in the local sandbox), and the figure MGE reports is the
/// one <c>npm install &amp;&amp; npm test</c> gives by hand in the unzipped folder. A Python project cannot install its
/// requirements on this machine (no package index is reachable): the run completes and says so.
/// </summary>
public sealed class VerificationEndToEndTests : IDisposable
{
    private static readonly IReadOnlyDictionary<string, string?> WithVerification =
        new Dictionary<string, string?> { ["Mge:Verification:Enabled"] = "true" };

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    [Trait("Category", "Slow")]
    public async Task An_express_projects_own_tests_run_inside_mge_and_agree_with_npm_test_run_by_hand()
    {
        var run = await CliRun.RunAsync(temp.Path, WithVerification,
            "generate", "Build an Express API for a library with books and authors", "--type", "express", "--out", "out", "--json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        var summary = JsonDocument.Parse(Assert.Single(run.StdoutLines)).RootElement;
        Assert.Equal("passed", summary.GetProperty("install_status").GetString());
        var passed = summary.GetProperty("tests_passed").GetInt32();
        var failed = summary.GetProperty("tests_failed").GetInt32();
        Assert.True(passed > 0, run.Stdout);
        Assert.Equal("passed", summary.GetProperty("smoke_status").GetString());
        Assert.True(summary.GetProperty("smoke_probes_passed").GetInt32() >= 2, "one list route per entity (books, authors)");
        Assert.False(string.IsNullOrWhiteSpace(summary.GetProperty("isolation").GetString()));

        // The same project, by hand, outside any sandbox.
        var folder = summary.GetProperty("folder_path").GetString()!;
        var (installExit, installOutput) = await ExternalTool.RunAsync("npm", folder, ["install", "--no-audit", "--no-fund"]);
        Assert.True(installExit == 0, installOutput);
        var (_, testOutput) = await ExternalTool.RunAsync("npm", folder, ["test"]);
        Assert.Equal((Count(testOutput, "pass"), Count(testOutput, "fail")), (passed, failed));
        Assert.Equal(failed == 0 ? "passed" : $"failed: {failed} test(s) failed", summary.GetProperty("tests_status").GetString());
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_fastapi_run_completes_with_install_not_run_because_no_package_index_is_reachable()
    {
        var run = await CliRun.RunAsync(temp.Path, WithVerification,
            "generate", "Create a FastAPI REST API for task management with users, tasks and comments", "--out", "out", "--json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        var summary = JsonDocument.Parse(Assert.Single(run.StdoutLines)).RootElement;
        Assert.Equal("completed", summary.GetProperty("status").GetString());
        Assert.StartsWith("not run: no package index reachable (", summary.GetProperty("install_status").GetString());
        Assert.Equal("not run: the dependencies could not be installed", summary.GetProperty("tests_status").GetString());
        Assert.Equal("not run: the dependencies could not be installed", summary.GetProperty("smoke_status").GetString());
        Assert.Equal((0, 0, 0), (summary.GetProperty("tests_passed").GetInt32(), summary.GetProperty("tests_failed").GetInt32(), summary.GetProperty("tests_not_run").GetInt32()));
    }

    /// <summary>"# pass 12" / "# fail 0" from the closing summary of Node's test runner.</summary>
    private static int Count(string tap, string key)
    {
        var match = Regex.Match(tap, $@"^# {key} (\d+)\s*$", RegexOptions.Multiline);
        Assert.True(match.Success, $"no '# {key}' line in:\n{tap}");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
