using System.Text.Json;
using System.Threading.Channels;
using Mge.Api.Http;
using Mge.Functions.Http;
using Mge.Functions.Tests.Support;
using Mge.Pipeline.Progress;
using Mge.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.IdentityModel.JsonWebTokens;
using StandIn = Mge.SignalRStandIn.SignalRStandIn;

namespace Mge.Functions.Tests;

/// <summary>Negotiate against the in-process Azure SignalR Service stand-in (REST API + real hub), with real SignalR clients.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class NegotiateFunctionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string AccessKey = "ZnVuY3Rpb25zLWFwaS1uZWdvdGlhdGUtdGVzdC1rZXk=";
    private StandIn signalR = null!;
    private FunctionsApp app = null!;

    public async Task InitializeAsync()
    {
        signalR = await StandIn.StartAsync(AccessKey);
        app = FunctionsApp.Create(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Mge:SignalR:ConnectionString"] = signalR.ConnectionString,
            ["Mge:SignalR:Hub"] = "mge",
        });
    }

    public async Task DisposeAsync()
    {
        app.Dispose();
        await signalR.DisposeAsync();
    }

    [Fact]
    public async Task An_anonymous_caller_gets_a_token_for_a_new_id_and_receives_the_runs_progress()
    {
        var runId = await RunSeeds.CreateAsync(app);

        var response = await NegotiateAsync(app, $$"""{"runId": "{{runId}}"}""");

        Assert.Equal(200, response.Status);
        var info = response.Json();
        var userId = info.GetProperty("userId").GetString()!;
        Assert.StartsWith("anonymous-", userId, StringComparison.Ordinal);
        Assert.True(info.GetProperty("anonymous").GetBoolean());
        Assert.Equal(runId, info.GetProperty("runId").GetString());
        var url = info.GetProperty("url").GetString()!;
        Assert.Equal($"{signalR.EndpointText}/client/?hub=mge", url);
        var token = new JsonWebToken(info.GetProperty("accessToken").GetString());
        Assert.Equal([url], token.Audiences);
        Assert.Equal(userId, token.GetPayloadValue<string>("nameid"));

        // The token connects, and the connection is in the run's group: the app's own publisher reaches it.
        await using var listener = await ListenAsync(url, info.GetProperty("accessToken").GetString()!);
        await signalR.WaitForUserConnectionsAsync("mge", userId, 1, TimeSpan.FromSeconds(10));
        await app.Service<IProgressPublisher>().PublishAsync(ProgressEvents.DiscoveryGenerationStart(runId, 2000, 30, 0.01m));
        var received = await listener.NextAsync();
        Assert.Equal(runId, received.GetProperty("run_id").GetString());
        Assert.Equal(ProgressEvents.DiscoveryGenerationStartType, received.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_principals_run_is_only_negotiated_for_that_principal()
    {
        var runId = await RunSeeds.CreateAsync(app, owner: "alice");
        var body = $$"""{"runId": "{{runId}}"}""";

        var bob = await NegotiateAsync(app, body, principal: "bob");
        var anonymous = await NegotiateAsync(app, body);
        var alice = await NegotiateAsync(app, body, principal: "alice");

        Assert.Equal("urn:mge:problem:forbidden", bob.Problem(403).GetProperty("type").GetString());
        anonymous.Problem(403);
        Assert.Equal(200, alice.Status);
        Assert.Equal("alice", alice.Json().GetProperty("userId").GetString());
        Assert.False(alice.Json().GetProperty("anonymous").GetBoolean());
    }

    [Fact]
    public async Task Without_a_run_the_caller_only_gets_a_connection_for_itself()
    {
        var response = await NegotiateAsync(app, body: null, principal: "carol");

        Assert.Equal(200, response.Status);
        Assert.Equal("carol", response.Json().GetProperty("userId").GetString());
        Assert.False(response.Json().TryGetProperty("runId", out _));
        Assert.Equal(0, signalR.RestCallCount);
    }

    [Theory]
    [InlineData("""{"runId": "no-such-run"}""", 404)]
    [InlineData("""{"runId": "bad/id"}""", 404)]
    [InlineData("""{"runId": 7}""", 400)]
    [InlineData("""{"run": "x"}""", 400)]
    public async Task Unknown_runs_and_bad_bodies_are_problems(string body, int status)
    {
        var response = await NegotiateAsync(app, body);

        response.Problem(status);
    }

    [Fact]
    public async Task Without_SignalR_configured_negotiate_is_503_and_points_to_catch_up()
    {
        using var unconfigured = FunctionsApp.Create(azurite.ConnectionString);

        var problem = (await NegotiateAsync(unconfigured, """{"runId": "any"}""")).Problem(503);

        Assert.Equal("urn:mge:problem:live-progress-not-configured", problem.GetProperty("type").GetString());
        Assert.Contains("/events", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static Task<ExecutedResponse> NegotiateAsync(FunctionsApp target, string? body, string? principal = null)
    {
        var headers = principal is null ? null : new Dictionary<string, string> { [CallerIdentity.PrincipalHeader] = principal };
        var request = FunctionsApp.Request("POST", "/api/negotiate", body, headers: headers);
        return target.InvokeAsync<NegotiateFunction>(request, f => f.RunAsync(request, CancellationToken.None));
    }

    private static async Task<Listener> ListenAsync(string url, string accessToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(url, options => options.AccessTokenProvider = () => Task.FromResult<string?>(accessToken))
            .Build();
        var listener = new Listener(connection);
        connection.On<JsonElement>("progress", message => listener.Received.Writer.TryWrite(message));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await connection.StartAsync(timeout.Token);
        return listener;
    }

    private sealed class Listener(HubConnection connection) : IAsyncDisposable
    {
        public Channel<JsonElement> Received { get; } = Channel.CreateUnbounded<JsonElement>();

        public async Task<JsonElement> NextAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            return await Received.Reader.ReadAsync(timeout.Token);
        }

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
