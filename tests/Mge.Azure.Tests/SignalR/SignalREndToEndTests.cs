using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Mge.Azure.SignalR;
using Mge.Pipeline.Costs;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Storage;

namespace Mge.Azure.Tests.SignalR;

/// <summary>
/// The adapter against the SignalR stand-in with real SignalR clients: negotiate, connect with the negotiate
/// answer, publish progress through the observer (and the pipeline's publisher), receive.
/// </summary>
public sealed class SignalREndToEndTests(SignalRStandInFixture fixture) : IClassFixture<SignalRStandInFixture>
{
    private const string Hub = SignalRStandInFixture.Hub;

    [Fact]
    public async Task A_client_receives_the_progress_of_its_run_and_not_of_another_run()
    {
        var (runA, runB) = (NewId("run"), NewId("run"));
        await using var followerOfA = await ConnectAsync(NewId("user"), runA);
        await using var followerOfB = await ConnectAsync(NewId("user"), runB);

        // B's events go out first: had A's follower been in B's group, they would arrive before A's.
        await fixture.Observer.OnEventAsync(ProgressEvents.DiscoveryGenerationStart(runB, 1000, 2.5, 0.01m), default);
        await fixture.Observer.OnEventAsync(ProgressEvents.DiscoveryGenerationStart(runA, 2000, 3.5, 0.02m), default);
        await fixture.Observer.OnEventAsync(ProgressEvents.DiscoveryGenerationComplete(runA, 2, 3, 5), default);
        await fixture.Observer.OnEventAsync(ProgressEvents.DiscoveryGenerationComplete(runB, 1, 1, 1), default);

        var received = await followerOfA.ReceiveUntilAsync((_, e) => e.GetProperty("type").GetString() == ProgressEvents.DiscoveryGenerationCompleteType);
        Assert.Equal(
            [ProgressEvents.DiscoveryGenerationStartType, ProgressEvents.DiscoveryGenerationCompleteType],
            received.Select(m => m.Argument.GetProperty("type").GetString()));
        Assert.All(received, m => Assert.Equal(runA, m.Argument.GetProperty("run_id").GetString()));
        Assert.All(received, m => Assert.Equal(SignalRProgressObserver.Target, m.Target));
        var start = received[0].Argument;
        Assert.Equal(2000, start.GetProperty("data").GetProperty("estimated_tokens").GetInt64());
        Assert.Equal(runA, start.GetProperty("data").GetProperty("session_id").GetString());
        Assert.StartsWith("01-discovery_generation_start", start.GetProperty("key").GetString(), StringComparison.Ordinal);
        Assert.True(DateTimeOffset.TryParse(start.GetProperty("timestamp").GetString(), out _));

        var ofB = await followerOfB.ReceiveUntilAsync((_, e) => e.GetProperty("type").GetString() == ProgressEvents.DiscoveryGenerationCompleteType);
        Assert.All(ofB, m => Assert.Equal(runB, m.Argument.GetProperty("run_id").GetString()));
        Assert.Equal(2, ofB.Count);
        Assert.True(followerOfA.IsDrained);
    }

    [Fact]
    public async Task Two_clients_following_the_same_run_both_receive_its_events()
    {
        var run = NewId("run");
        await using var first = await ConnectAsync(NewId("user"), run);
        await using var second = await ConnectAsync(NewId("user"), run);

        await fixture.Observer.OnEventAsync(ProgressEvents.ExecutionWaveStart(run, 1, 12, 3), default);

        foreach (var listener in new[] { first, second })
        {
            var (_, message) = await listener.NextAsync();
            Assert.Equal(ProgressEvents.ExecutionWaveStartType, message.GetProperty("type").GetString());
            Assert.Equal(run, message.GetProperty("run_id").GetString());
        }
    }

    [Fact]
    public async Task Every_connection_of_a_user_follows_the_run_the_user_negotiated_for()
    {
        var (run, user) = (NewId("run"), NewId("user"));
        await using var laptop = await ConnectAsync(user, run, expectedConnections: 1);
        // The second negotiate adds the user again (idempotent); the new connection joins the group on connect.
        await using var phone = await ConnectAsync(user, run, expectedConnections: 2);

        await fixture.Observer.OnEventAsync(ProgressEvents.Error(run, Mge.Pipeline.Runs.PipelinePhase.Validation, "boom"), default);

        Assert.Equal(ProgressEvents.ErrorType, (await laptop.NextAsync()).Argument.GetProperty("type").GetString());
        Assert.Equal(ProgressEvents.ErrorType, (await phone.NextAsync()).Argument.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Progress_published_by_the_pipeline_reaches_the_client()
    {
        var run = NewId("run");
        await using var follower = await ConnectAsync(NewId("user"), run);
        var records = new InMemoryRecordStore();
        var publisher = new ProgressPublisher(records, [fixture.Observer], NullLogger<ProgressPublisher>.Instance);

        await publisher.PublishAsync(ProgressEvents.CodeGenerationProgress(run, 7, "User model", 7, 20, 512, success: true));
        await publisher.PublishAsync(ProgressEvents.Complete(run, 20, 180, 6, 0.98, 42.5, "workspaces/x.zip", new UsageTotals(100, 50, 0, 0.01m, 2)));

        var received = await follower.ReceiveUntilAsync((_, e) => e.GetProperty("type").GetString() == ProgressEvents.CompleteType);
        Assert.Equal(2, received.Count);
        var progress = received[0].Argument.GetProperty("data");
        Assert.Equal("7/20", progress.GetProperty("progress").GetString());
        Assert.Equal("User model", progress.GetProperty("task_title").GetString());
        Assert.Equal(0.98, received[1].Argument.GetProperty("data").GetProperty("precision").GetDouble());
    }

    [Fact]
    public async Task A_user_added_to_a_group_after_connecting_receives_and_stops_when_removed()
    {
        var (group, user) = (NewId("run"), NewId("user"));
        await using var listener = await ConnectAsync(user, runId: null, extraTargets: "marker");

        await fixture.Client.AddUserToGroupAsync(Hub, group, user);
        await fixture.Client.SendToGroupAsync(Hub, group, "progress", [new { step = 1 }]);
        Assert.Equal(1, (await listener.NextAsync()).Argument.GetProperty("step").GetInt32());

        await fixture.Client.RemoveUserFromGroupAsync(Hub, group, user);
        await fixture.Client.SendToGroupAsync(Hub, group, "progress", [new { step = 2 }]);
        // Sent after the group message over the same connection: had that arrived, it would come first.
        await fixture.Client.SendToUserAsync(Hub, user, "marker", [new { step = 3 }]);
        var (target, argument) = await listener.NextAsync();
        Assert.Equal("marker", target);
        Assert.Equal(3, argument.GetProperty("step").GetInt32());
    }

    [Fact]
    public async Task Sends_to_a_user_and_to_a_connection_reach_only_that_user_or_connection()
    {
        var (user, other) = (NewId("user"), NewId("user"));
        await using var mine = await ConnectAsync(user, runId: null, extraTargets: "note");
        await using var theirs = await ConnectAsync(other, runId: null, extraTargets: "note");

        await fixture.Client.SendToUserAsync(Hub, other, "note", ["for the other user"]);
        await fixture.Client.SendToConnectionAsync(Hub, mine.Connection.ConnectionId!, "note", ["for my connection"]);
        await fixture.Client.SendToUserAsync(Hub, user, "note", ["for me"]);

        Assert.Equal("for my connection", (await mine.NextAsync()).Argument.GetString());
        Assert.Equal("for me", (await mine.NextAsync()).Argument.GetString());
        Assert.Equal("for the other user", (await theirs.NextAsync()).Argument.GetString());
        Assert.True(theirs.IsDrained);
    }

    [Fact]
    public async Task A_connection_added_to_a_group_receives_the_groups_messages()
    {
        var group = NewId("run");
        await using var listener = await ConnectAsync(NewId("user"), runId: null);

        await fixture.Client.AddConnectionToGroupAsync(Hub, group, listener.Connection.ConnectionId!);
        await fixture.Client.SendToGroupAsync(Hub, group, "progress", ["joined"]);
        Assert.Equal("joined", (await listener.NextAsync()).Argument.GetString());

        await fixture.Client.RemoveConnectionFromGroupAsync(Hub, group, listener.Connection.ConnectionId!);
        await fixture.Client.SendToGroupAsync(Hub, group, "progress", ["left"]);
        await fixture.Client.SendToConnectionAsync(Hub, listener.Connection.ConnectionId!, "progress", ["after"]);
        Assert.Equal("after", (await listener.NextAsync()).Argument.GetString());
    }

    [Fact]
    public async Task A_rest_call_signed_with_the_wrong_key_is_401_and_not_retried()
    {
        var wrongTokens = new SignalRAccessTokens(SignalRConnectionString.Parse(SignalRTestKeys.ConnectionString(fixture.StandIn.EndpointText, SignalRTestKeys.OtherKey)));
        var client = fixture.CreateClient(SignalRRetryPolicy.Default, wrongTokens);

        var error = await Assert.ThrowsAsync<SignalRServiceException>(() => client.SendToGroupAsync(Hub, "run-x", "progress", ["x"]));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(1, error.Attempts);
        Assert.Contains("Invalid access token", error.ServiceMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_token_signed_with_the_wrong_key_cannot_connect()
    {
        var wrongTokens = new SignalRAccessTokens(SignalRConnectionString.Parse(SignalRTestKeys.ConnectionString(fixture.StandIn.EndpointText, SignalRTestKeys.OtherKey)));
        var url = fixture.Negotiator.ClientUrl;
        await using var connection = ProgressListener.Build(url, wrongTokens.Create(url, "intruder"));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task An_expired_client_token_cannot_connect()
    {
        var expiredTokens = new SignalRAccessTokens(fixture.ConnectionString, TimeSpan.FromMinutes(5), new FixedTimeProvider(DateTimeOffset.UtcNow.AddHours(-1)));
        var url = fixture.Negotiator.ClientUrl;
        await using var connection = ProgressListener.Build(url, expiredTokens.Create(url, "late"));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused()
    {
        using var http = new HttpClient();
        var groupUrl = new Uri($"{fixture.StandIn.EndpointText}/api/v1/hubs/{Hub}/groups/run-1");
        var userUrl = new Uri($"{fixture.StandIn.EndpointText}/api/v1/hubs/{Hub}/users/u");

        // A token minted for one REST route used on another, and a client token used for REST.
        var wrongRoute = await PostAsync(http, groupUrl, fixture.Tokens.CreateForRequest(userUrl));
        var clientToken = await PostAsync(http, groupUrl, fixture.Tokens.Create(fixture.Negotiator.ClientUrl, "u"));
        var rightRoute = await PostAsync(http, groupUrl, fixture.Tokens.CreateForRequest(groupUrl));
        // A client token for another hub cannot connect to this one.
        var otherHubUrl = fixture.Negotiator.ClientUrl.Replace($"hub={Hub}", "hub=other", StringComparison.Ordinal);
        await using var connection = ProgressListener.Build(fixture.Negotiator.ClientUrl, fixture.Tokens.Create(otherHubUrl, "u"));
        var hubError = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, wrongRoute);
        Assert.Equal(HttpStatusCode.Unauthorized, clientToken);
        Assert.Equal(HttpStatusCode.Accepted, rightRoute);
        Assert.Equal(HttpStatusCode.Unauthorized, hubError.StatusCode);
    }

    [Fact]
    public async Task Negotiate_returns_the_client_url_and_a_token_for_it()
    {
        var info = await fixture.Negotiator.NegotiateAsync("user-1", runId: null);

        Assert.Equal($"{fixture.StandIn.EndpointText}/client/?hub={Hub}", info.Url);
        var token = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(info.AccessToken);
        Assert.Equal([info.Url], token.Audiences);
        Assert.Equal("user-1", token.GetPayloadValue<string>("nameid"));
        Assert.Equal("""{"url":"X","accessToken":"Y"}""", JsonSerializer.Serialize(new SignalRConnectionInfo("X", "Y")));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => fixture.Negotiator.NegotiateAsync(" ", "run-1"));
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, Uri url, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent("""{"target":"progress","arguments":[]}""", new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<ProgressListener> ConnectAsync(string userId, string? runId, int expectedConnections = 1, params string[] extraTargets)
    {
        var info = await fixture.Negotiator.NegotiateAsync(userId, runId);
        var listener = await ProgressListener.ConnectAsync(info, extraTargets);
        await fixture.StandIn.WaitForUserConnectionsAsync(Hub, userId, expectedConnections, ProgressListener.Patience);
        return listener;
    }

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
