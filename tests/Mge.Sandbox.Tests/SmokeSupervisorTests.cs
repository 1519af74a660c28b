using System.Diagnostics;
using System.Text;
using Mge.Pipeline.Verification;

namespace Mge.Sandbox.Tests;

public sealed class SmokeSupervisorTests
{
    private static SmokeStep Step(params string[] paths) => new(
        new SandboxStep(SandboxStepKind.Smoke, ["node", "app.js"], "/tmp", new Dictionary<string, string>(), TimeSpan.FromSeconds(30), 4096, false),
        3000,
        TimeSpan.FromSeconds(10),
        paths,
        ["node", "-e", "probe"],
        TimeSpan.FromSeconds(5));

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task Quoted_arguments_come_back_from_sh_eval_unchanged()
    {
        string[] arguments = ["node", "-e", "console.log('it''s', \"$HOME\", `x`); // \\ $(id) ; |", "with space", "new\nline", ""];
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("eval \"set -- $0\"; for a; do printf '<%s>' \"$a\"; done");
        start.ArgumentList.Add(SmokeSupervisor.Quote(arguments));
        using var process = Process.Start(start)!;

        var printed = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(string.Concat(arguments.Select(a => $"<{a}>")), printed);
    }

    [Fact]
    public void Probe_lines_become_statuses_bodies_and_errors_in_the_steps_order()
    {
        var protocol = string.Join('\n',
            "mge-smoke listening 420",
            $"mge-probe 0 0 {Base64("200\n{\"status\":\"ok\"}")} ",
            $"mge-probe 1 1  {Base64("TypeError: fetch failed: connect ECONNREFUSED 127.0.0.1:3000\n")}",
            "mge-probe 2 124  ",
            $"mge-probe 3 0 {Base64("<html>\n")} ",
            "mge-smoke done",
            string.Empty);

        var (started, timeToListen, probes) = SmokeSupervisor.Parse(protocol, Step("/health", "/tasks", "/users", "/comments"), 3000, timedOut: false);

        Assert.True(started);
        Assert.Equal(TimeSpan.FromMilliseconds(420), timeToListen);
        Assert.Equal(
            [
                new ProbeResult("/health", 200, null, "{\"status\":\"ok\"}"),
                new ProbeResult("/tasks", null, "TypeError: fetch failed: connect ECONNREFUSED 127.0.0.1:3000", string.Empty),
                new ProbeResult("/users", null, "the probe timed out after 5 s", string.Empty),
                new ProbeResult("/comments", null, "the probe printed no status code (first line: '<html>')", string.Empty),
            ],
            probes);
    }

    [Fact]
    public void Paths_never_probed_say_why()
    {
        var (started, _, probes) = SmokeSupervisor.Parse($"mge-smoke listening 10\nmge-probe 0 0 {Base64("200\nok")} \n", Step("/health", "/tasks"), 3000, timedOut: true);

        Assert.True(started);
        Assert.Equal(200, probes[0].StatusCode);
        Assert.Equal("not probed: the smoke step reached its time limit (30 s)", probes[1].Error);
    }

    [Fact]
    public void A_long_body_is_cut_to_the_excerpt_length()
    {
        var body = new string('a', 3000);

        var (_, _, probes) = SmokeSupervisor.Parse($"mge-smoke listening 10\nmge-probe 0 0 {Base64("200\n" + body)} \n", Step("/health"), 3000, timedOut: false);

        Assert.Equal(ProbeResult.BodyExcerptLength, probes[0].BodyExcerpt.Length);
    }
}
