using System.Net;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Mge.Azure.SignalR;

namespace Mge.Azure.Tests.SignalR;

public sealed class SignalRRestClientTests
{
    private const string Endpoint = "https://mge-test.service.signalr.net";

    private static readonly SignalRRetryPolicy FastRetries = new(3, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5));

    private readonly SignalRAccessTokens _tokens = new(SignalRConnectionString.Parse(SignalRTestKeys.ConnectionString(Endpoint)));

    [Fact]
    public async Task Each_operation_calls_its_v1_route_with_a_token_for_that_url()
    {
        var handler = new RecordingHttpHandler();
        var client = Client(handler);

        await client.SendToGroupAsync("mge", "run 1", "progress", ["a"]);
        await client.SendToUserAsync("mge", "user/1", "progress", ["b"]);
        await client.SendToConnectionAsync("mge", "conn-1", "progress", ["c"]);
        await client.AddUserToGroupAsync("mge", "run-1", "user-1");
        await client.RemoveUserFromGroupAsync("mge", "run-1", "user-1");
        await client.AddConnectionToGroupAsync("mge", "run-1", "conn-1");
        await client.RemoveConnectionFromGroupAsync("mge", "run-1", "conn-1");

        Assert.Equal(
            [
                "POST /api/v1/hubs/mge/groups/run%201",
                "POST /api/v1/hubs/mge/users/user%2F1",
                "POST /api/v1/hubs/mge/connections/conn-1",
                "PUT /api/v1/hubs/mge/groups/run-1/users/user-1",
                "DELETE /api/v1/hubs/mge/groups/run-1/users/user-1",
                "PUT /api/v1/hubs/mge/groups/run-1/connections/conn-1",
                "DELETE /api/v1/hubs/mge/groups/run-1/connections/conn-1",
            ],
            handler.Requests.Select(r => $"{r.Method} {r.Url.AbsolutePath}"));
        foreach (var request in handler.Requests)
        {
            Assert.Equal("Bearer", request.AuthScheme);
            var token = new JsonWebToken(request.Token);
            Assert.Equal([Endpoint + request.Url.AbsolutePath], token.Audiences);
            Assert.True(token.ValidTo > DateTime.UtcNow.AddMinutes(59));
        }
    }

    [Fact]
    public async Task A_send_posts_target_and_arguments_as_json()
    {
        var handler = new RecordingHttpHandler();

        await Client(handler).SendToGroupAsync("mge", "run-1", "progress", [new { TaskNumber = 3, Title = "models" }, 42, null]);

        using var body = JsonDocument.Parse(handler.Requests.Single().Body!);
        Assert.Equal("progress", body.RootElement.GetProperty("target").GetString());
        var arguments = body.RootElement.GetProperty("arguments");
        Assert.Equal(3, arguments.GetArrayLength());
        Assert.Equal(3, arguments[0].GetProperty("taskNumber").GetInt32());
        Assert.Equal("models", arguments[0].GetProperty("title").GetString());
        Assert.Equal(42, arguments[1].GetInt32());
        Assert.Equal(JsonValueKind.Null, arguments[2].ValueKind);
    }

    [Fact]
    public async Task A_client_error_is_not_retried_and_carries_status_and_the_services_message()
    {
        var handler = new RecordingHttpHandler(RecordingHttpHandler.Status(HttpStatusCode.BadRequest, """{"code":"BadRequest","message":"Invalid group name."}"""));

        var error = await Assert.ThrowsAsync<SignalRServiceException>(() => Client(handler).SendToGroupAsync("mge", "g", "progress", []));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("Invalid group name.", error.ServiceMessage);
        Assert.Equal(1, error.Attempts);
        Assert.Equal("POST", error.Method);
        Assert.Equal("/api/v1/hubs/mge/groups/g", error.Path);
        Assert.Single(handler.Requests);
        Assert.Contains("400", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_text_error_body_is_the_service_message()
    {
        var handler = new RecordingHttpHandler(RecordingHttpHandler.Status(HttpStatusCode.Forbidden, "Access denied"));

        var error = await Assert.ThrowsAsync<SignalRServiceException>(() => Client(handler).AddUserToGroupAsync("mge", "g", "u"));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("Access denied", error.ServiceMessage);
    }

    [Fact]
    public async Task Transient_failures_are_retried_until_the_service_accepts()
    {
        var handler = new RecordingHttpHandler(
            RecordingHttpHandler.Status(HttpStatusCode.ServiceUnavailable),
            RecordingHttpHandler.Status(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.Zero),
            RecordingHttpHandler.Unreachable(),
            RecordingHttpHandler.Status(HttpStatusCode.Accepted));

        await Client(handler).SendToGroupAsync("mge", "g", "progress", ["x"]);

        Assert.Equal(4, handler.Requests.Count);
        // Every attempt is a complete request: same body, its own valid token.
        Assert.All(handler.Requests, r => Assert.Equal(handler.Requests[0].Body, r.Body));
        Assert.All(handler.Requests, r => Assert.NotNull(r.Token));
    }

    [Fact]
    public async Task Retries_are_bounded_and_the_last_status_is_reported()
    {
        var handler = new RecordingHttpHandler(RecordingHttpHandler.Status(HttpStatusCode.InternalServerError, """{"message":"boom"}"""));

        var error = await Assert.ThrowsAsync<SignalRServiceException>(() => Client(handler).SendToUserAsync("mge", "u", "progress", []));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal("boom", error.ServiceMessage);
        Assert.Equal(4, error.Attempts);
        Assert.Equal(4, handler.Requests.Count);
    }

    [Fact]
    public async Task An_unreachable_service_is_one_exception_without_status_and_with_the_transport_error_inside()
    {
        var handler = new RecordingHttpHandler(RecordingHttpHandler.Unreachable());

        var error = await Assert.ThrowsAsync<SignalRServiceException>(
            () => Client(handler, SignalRRetryPolicy.None).SendToConnectionAsync("mge", "c", "progress", []));

        Assert.Null(error.StatusCode);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal(1, error.Attempts);
        Assert.Contains("could not be reached", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_stops_the_call()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var handler = new RecordingHttpHandler();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Client(handler).SendToGroupAsync("mge", "g", "progress", [], cancelled.Token));
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData("1mge")]
    [InlineData("mge-hub")]
    [InlineData("")]
    public async Task Invalid_hub_names_are_refused_before_any_request(string hub)
    {
        var handler = new RecordingHttpHandler();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Client(handler).SendToGroupAsync(hub, "g", "progress", []));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Empty_or_oversized_names_are_refused()
    {
        var client = Client(new RecordingHttpHandler());

        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.SendToGroupAsync("mge", "", "progress", []));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.SendToGroupAsync("mge", new string('g', 1025), "progress", []));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.AddUserToGroupAsync("mge", "g", " "));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.SendToGroupAsync("mge", "g", "", []));
    }

    [Fact]
    public void Retry_delays_double_honour_retry_after_and_stay_under_the_cap()
    {
        var policy = new SignalRRetryPolicy(5, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1));

        Assert.InRange(policy.DelayBefore(1, null), TimeSpan.FromMilliseconds(80), TimeSpan.FromMilliseconds(100));
        Assert.InRange(policy.DelayBefore(3, null), TimeSpan.FromMilliseconds(320), TimeSpan.FromMilliseconds(400));
        Assert.Equal(TimeSpan.FromSeconds(1), policy.DelayBefore(10, null));
        Assert.Equal(TimeSpan.FromMilliseconds(700), policy.DelayBefore(1, TimeSpan.FromMilliseconds(700)));
        Assert.Equal(TimeSpan.FromSeconds(1), policy.DelayBefore(1, TimeSpan.FromMinutes(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SignalRRetryPolicy(-1, TimeSpan.Zero, TimeSpan.Zero).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new SignalRRetryPolicy(1, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1)).Validate());
    }

    private SignalRRestClient Client(RecordingHttpHandler handler, SignalRRetryPolicy? policy = null) =>
        new(new HttpClient(handler), _tokens, policy ?? FastRetries);
}
