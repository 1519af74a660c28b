using Mge.Pipeline.Verification;

namespace Mge.Sandbox.Tests;

/// <summary>Real smoke steps: a tiny Node app started and probed inside one sandbox.</summary>
public sealed class SmokeTests
{
    /// <summary>What a Node stack would supply: the project's own runtime fetches the URL given last.</summary>
    public static readonly string[] NodeProbe =
    [
        "node",
        "-e",
        "fetch(process.argv[1]).then(async (r) => { console.log(r.status); process.stdout.write(await r.text()); })"
            + ".catch((e) => { console.error(String(e.cause ?? e)); process.exit(1); })",
    ];

    public const string Server = """
        const http = require('http');
        const port = Number(process.env.PORT);
        http.createServer((req, res) => {
          if (req.url === '/health') { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"status":"ok"}'); }
          else if (req.url === '/tasks') { res.writeHead(200, { 'content-type': 'application/json' }); res.end('[]'); }
          else { res.writeHead(404); res.end('no route ' + req.url); }
        }).listen(port, () => console.log(`listening on ${port}`));
        """;

    internal static SmokeStep Step(TestWorkspace workspace, IReadOnlyList<string> app, int port = 3000, TimeSpan? listenTimeout = null, IReadOnlyList<string>? paths = null) => new(
        new SandboxStep(SandboxStepKind.Smoke, app, workspace.Path, new Dictionary<string, string> { ["PORT"] = SmokeStep.PortPlaceholder, ["NODE_ENV"] = "production" }, TimeSpan.FromSeconds(30), 64 * 1024, AllowNetwork: false),
        port,
        listenTimeout ?? TimeSpan.FromSeconds(10),
        paths ?? ["/health", "/tasks", "/missing"],
        NodeProbe,
        TimeSpan.FromSeconds(5));

    [Fact]
    public async Task A_tiny_node_server_starts_and_answers_its_probes()
    {
        using var workspace = new TestWorkspace();
        workspace.Write("server.js", Server);

        var result = await Steps.Isolated().SmokeAsync(Step(workspace, ["node", "server.js"]));

        Steps.AssertIsolated(result.App);
        Assert.True(result.Started, result.App.Output);
        Assert.Equal(3000, result.Port);
        Assert.NotNull(result.TimeToListen);
        Assert.Equal(
            [
                new ProbeResult("/health", 200, null, """{"status":"ok"}"""),
                new ProbeResult("/tasks", 200, null, "[]"),
                new ProbeResult("/missing", 404, null, "no route /missing"),
            ],
            result.Probes);
        Assert.False(result.Succeeded);
        Assert.Equal("listening on 3000\n", result.App.Output);
        Assert.Equal(0, result.App.ExitCode);
        Assert.False(result.App.TimedOut);
    }

    [Fact]
    public async Task An_app_that_crashes_before_listening_is_not_started_and_its_output_says_why()
    {
        using var workspace = new TestWorkspace();
        workspace.Write("server.js", "console.error('Error: Cannot find module \\'express\\''); process.exit(3);");

        var result = await Steps.Isolated().SmokeAsync(Step(workspace, ["node", "server.js"]));

        Assert.False(result.Started);
        Assert.Null(result.TimeToListen);
        Assert.Contains("Cannot find module 'express'", result.App.Output);
        Assert.All(result.Probes, p => Assert.StartsWith("not probed: the app exited with code 3 after ", p.Error));
        Assert.All(result.Probes, p => Assert.Null(p.StatusCode));
    }

    [Fact]
    public async Task An_app_that_never_listens_is_given_up_on_after_the_listen_timeout()
    {
        using var workspace = new TestWorkspace();

        var result = await Steps.Isolated().SmokeAsync(Step(workspace, ["sleep", "60"], listenTimeout: TimeSpan.FromSeconds(1), paths: ["/health"]));

        Assert.False(result.Started);
        Assert.Equal("not probed: the app did not listen on port 3000 within 1 s", Assert.Single(result.Probes).Error);
        Assert.InRange(result.App.Duration, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task An_app_listening_on_another_port_than_asked_is_not_started()
    {
        using var workspace = new TestWorkspace();
        workspace.Write("server.js", "require('http').createServer((q, s) => s.end('ok')).listen(8080);");

        var result = await Steps.Isolated().SmokeAsync(Step(workspace, ["node", "server.js"], listenTimeout: TimeSpan.FromSeconds(1.5), paths: ["/health"]));

        Assert.False(result.Started);
        Assert.Contains("did not listen on port 3000", Assert.Single(result.Probes).Error);
    }
}
