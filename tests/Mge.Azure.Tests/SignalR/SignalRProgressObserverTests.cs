using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Mge.Azure.SignalR;
using Mge.Pipeline.Progress;

namespace Mge.Azure.Tests.SignalR;

public sealed class SignalRProgressObserverTests
{
    private static readonly ProgressEvent Event = new(
        "run-42", "03-code_generation_progress-0007", "code_generation_progress",
        new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero),
        new JsonObject { ["masterplan_id"] = "run-42", ["task_number"] = 7, ["progress"] = "7/20", ["success"] = true });

    [Fact]
    public async Task An_event_goes_to_the_runs_group_as_progress_with_a_snake_case_object()
    {
        var handler = new RecordingHttpHandler();
        var tokens = new SignalRAccessTokens(SignalRConnectionString.Parse(SignalRTestKeys.ConnectionString()));
        var observer = new SignalRProgressObserver(
            new SignalRRestClient(new HttpClient(handler), tokens), Options.Create(new SignalROptions { Hub = "progress_hub" }));

        await observer.OnEventAsync(Event, CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/v1/hubs/progress_hub/groups/run-42", request.Url.AbsolutePath);
        using var body = JsonDocument.Parse(request.Body!);
        Assert.Equal("progress", body.RootElement.GetProperty("target").GetString());
        var message = Assert.Single(body.RootElement.GetProperty("arguments").EnumerateArray());
        Assert.Equal("code_generation_progress", message.GetProperty("type").GetString());
        Assert.Equal("03-code_generation_progress-0007", message.GetProperty("key").GetString());
        Assert.Equal("run-42", message.GetProperty("run_id").GetString());
        Assert.Equal("2025-03-01T12:00:00.0000000+00:00", message.GetProperty("timestamp").GetString());
        Assert.Equal(7, message.GetProperty("data").GetProperty("task_number").GetInt32());
        Assert.Equal("7/20", message.GetProperty("data").GetProperty("progress").GetString());
    }

    [Fact]
    public void The_message_copies_the_data_so_the_event_can_be_sent_again()
    {
        var first = SignalRProgressObserver.ToMessage(Event);
        var second = SignalRProgressObserver.ToMessage(Event);

        Assert.NotSame(Event.Data, first["data"]);
        Assert.True(JsonNode.DeepEquals(first, second));
        Assert.Null(Event.Data.Parent);
    }

    [Fact]
    public async Task A_failure_surfaces_so_the_publisher_can_log_it()
    {
        var handler = new RecordingHttpHandler(RecordingHttpHandler.Status(System.Net.HttpStatusCode.Unauthorized, """{"message":"Invalid token"}"""));
        var tokens = new SignalRAccessTokens(SignalRConnectionString.Parse(SignalRTestKeys.ConnectionString()));
        var observer = new SignalRProgressObserver(new SignalRRestClient(new HttpClient(handler), tokens), Options.Create(new SignalROptions()));

        var error = await Assert.ThrowsAsync<SignalRServiceException>(() => observer.OnEventAsync(Event, CancellationToken.None).AsTask());

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task After_a_failure_sending_pauses_then_resumes()
    {
        var handler = new RecordingHttpHandler(
            RecordingHttpHandler.Status(System.Net.HttpStatusCode.ServiceUnavailable),
            RecordingHttpHandler.Status(System.Net.HttpStatusCode.Accepted));
        var clock = new FixedTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var tokens = new SignalRAccessTokens(SignalRConnectionString.Parse(SignalRTestKeys.ConnectionString()));
        var observer = new SignalRProgressObserver(
            new SignalRRestClient(new HttpClient(handler), tokens, SignalRRetryPolicy.None),
            Options.Create(new SignalROptions { PauseAfterFailure = TimeSpan.FromSeconds(30) }),
            clock);

        await Assert.ThrowsAsync<SignalRServiceException>(() => observer.OnEventAsync(Event, CancellationToken.None).AsTask());
        clock.Now = clock.Now.AddSeconds(29);
        await observer.OnEventAsync(Event, CancellationToken.None);
        Assert.Single(handler.Requests);

        clock.Now = clock.Now.AddSeconds(2);
        await observer.OnEventAsync(Event, CancellationToken.None);
        Assert.Equal(2, handler.Requests.Count);
    }
}
