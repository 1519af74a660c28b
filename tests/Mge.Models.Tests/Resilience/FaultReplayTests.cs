using Microsoft.Extensions.AI;
using Mge.Models.Resilience;
using Mge.Models.Tests.Replay;

namespace Mge.Models.Tests.Resilience;

/// <summary>Faults replayed from recorded Azure OpenAI and OpenAI responses, through the clients AddMgeModels builds.</summary>
public sealed class FaultReplayTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 21, 7, 28, 0, TimeSpan.Zero);

    [Fact]
    public async Task Rate_limit_waits_the_retry_after_the_service_asks_then_succeeds()
    {
        await using var server = new ReplayServer("azure-openai/rate-limited.http", "azure-openai/chat-completion.http");
        var time = new ManualTimeProvider(Now);
        using var host = ModelHost.Build(ModelHost.Azure(server), time);

        var response = await host.Chat().GetResponseAsync(ModelHost.Prompt());

        Assert.Equal(1536, response.Usage!.CachedInputTokenCount);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(7)], time.Waits);
    }

    [Fact]
    public async Task Retry_after_in_seconds_is_honoured()
    {
        await using var server = new ReplayServer("openai/rate-limited.http", "openai/chat-completion.http");
        var time = new ManualTimeProvider(Now);
        using var host = ModelHost.Build(ModelHost.OpenAI(server), time);

        await host.Chat().GetResponseAsync(ModelHost.Prompt());

        Assert.Equal([TimeSpan.FromSeconds(2)], time.Waits);
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_waits_until_that_date()
    {
        await using var server = new ReplayServer("openai/rate-limited-retry-after-date.http", "openai/chat-completion.http");
        var time = new ManualTimeProvider(Now);
        using var host = ModelHost.Build(ModelHost.OpenAI(server), time);

        await host.Chat().GetResponseAsync(ModelHost.Prompt());

        // The recording says "Wed, 21 Oct 2026 07:28:05 GMT"; the clock says 07:28:00.
        Assert.Equal([TimeSpan.FromSeconds(5)], time.Waits);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_server_error_is_retried_after_an_exponential_backoff_with_jitter()
    {
        await using var server = new ReplayServer("azure-openai/server-error.http", "azure-openai/server-error.http", "azure-openai/chat-completion.http");
        var time = new ManualTimeProvider(Now);
        var options = ModelHost.Azure(server);
        options.RetryBaseDelay = TimeSpan.FromSeconds(2);
        using var host = ModelHost.Build(options, time);

        var response = await host.Chat().GetResponseAsync(ModelHost.Prompt());

        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(2, time.Waits.Count);
        Assert.InRange(time.Waits[0], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Assert.InRange(time.Waits[1], TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task An_attempt_that_times_out_is_retried()
    {
        await using var server = new ReplayServer(
            ReplayStep.Delayed("openai/chat-completion.http", TimeSpan.FromSeconds(10)),
            "openai/chat-completion.http");
        var time = new ManualTimeProvider(Now);
        using var host = ModelHost.Build(ModelHost.OpenAI(server, timeout: TimeSpan.FromMilliseconds(400)), time);

        var response = await host.Chat().GetResponseAsync(ModelHost.Prompt());

        Assert.Equal("The plan has 12 tasks in 3 phases.", response.Text);
        Assert.Equal(2, server.Requests.Count);
        Assert.Single(time.Waits);
    }

    [Fact]
    public async Task Exhausted_retries_fail_with_the_attempt_count_and_the_last_status()
    {
        await using var server = new ReplayServer("openai/service-unavailable.http", "openai/service-unavailable.http", "openai/service-unavailable.http");
        var time = new ManualTimeProvider(Now);
        using var host = ModelHost.Build(ModelHost.OpenAI(server, maxRetries: 2), time);

        var error = await Assert.ThrowsAsync<ModelRetriesExhaustedException>(() => host.Chat().GetResponseAsync(ModelHost.Prompt()));

        Assert.Equal(3, error.Attempts);
        Assert.Equal(503, error.StatusCode);
        Assert.Contains("after 3 attempt(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains("The server is overloaded or not ready yet.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Mge:Model:MaxRetries", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(2, time.Waits.Count);
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_limit_fails_instead_of_stalling()
    {
        await using var server = new ReplayServer("azure-openai/rate-limited.http");
        var options = ModelHost.Azure(server);
        options.MaxRetryAfter = TimeSpan.FromSeconds(5);
        var time = new ManualTimeProvider(Now);
        using var host = ModelHost.Build(options, time);

        var error = await Assert.ThrowsAsync<ModelRetriesExhaustedException>(() => host.Chat().GetResponseAsync(ModelHost.Prompt()));

        Assert.Equal(429, error.StatusCode);
        Assert.Contains("Mge:Model:MaxRetryAfter", error.Message, StringComparison.Ordinal);
        Assert.Empty(time.Waits);
    }

    [Fact]
    public async Task Azure_content_filter_400_is_a_refusal_and_is_not_retried()
    {
        await using var server = new ReplayServer("azure-openai/content-filter-prompt.http", "azure-openai/chat-completion.http");
        using var host = ModelHost.Build(ModelHost.Azure(server), new ManualTimeProvider(Now));

        var error = await Assert.ThrowsAsync<ModelRefusedException>(() => host.Chat().GetResponseAsync(ModelHost.Prompt()));

        Assert.Equal(ModelRefusalSource.Prompt, error.FilteredPart);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("content_filter", error.ErrorCode);
        Assert.Contains("content management policy", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Finish_reason_content_filter_is_a_refusal_of_the_completion()
    {
        await using var server = new ReplayServer("azure-openai/content-filter-completion.http");
        using var host = ModelHost.Build(ModelHost.Azure(server));

        var error = await Assert.ThrowsAsync<ModelRefusedException>(() => host.Chat().GetResponseAsync(ModelHost.Prompt()));

        Assert.Equal(ModelRefusalSource.Completion, error.FilteredPart);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_stream_stopped_by_the_content_filter_is_a_refusal_with_the_partial_text()
    {
        await using var server = new ReplayServer("azure-openai/content-filter-completion-stream.http");
        using var host = ModelHost.Build(ModelHost.Azure(server));

        var error = await Assert.ThrowsAsync<ModelRefusedException>(() => ModelHost.StreamAsync(host.Chat()));

        Assert.Equal(ModelRefusalSource.Completion, error.FilteredPart);
        Assert.Equal("Here is the ", error.PartialText);
    }

    [Fact]
    public async Task A_streaming_call_rate_limited_before_its_first_chunk_is_retried()
    {
        await using var server = new ReplayServer("openai/rate-limited.http", "openai/chat-completion-stream.http");
        var time = new ManualTimeProvider(Now);
        using var host = ModelHost.Build(ModelHost.OpenAI(server), time);

        var (text, _) = await ModelHost.StreamAsync(host.Chat());

        Assert.Equal("Tasks: 12, phases: 3.", text);
        Assert.Equal([TimeSpan.FromSeconds(2)], time.Waits);
    }

    [Fact]
    public async Task An_authentication_error_is_not_retried_and_names_the_service_code()
    {
        await using var server = new ReplayServer("openai/unauthorized.http", "openai/chat-completion.http");
        using var host = ModelHost.Build(ModelHost.OpenAI(server), new ManualTimeProvider(Now));

        var error = await Assert.ThrowsAsync<ModelCallException>(() => host.Chat().GetResponseAsync(ModelHost.Prompt()));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal("invalid_api_key", error.ErrorCode);
        Assert.Contains("not retryable", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Cancelling_during_the_wait_before_a_retry_stops_without_another_request()
    {
        await using var server = new ReplayServer("azure-openai/rate-limited.http", "azure-openai/chat-completion.http");
        var time = new ManualTimeProvider(Now, holdWaits: true);
        using var host = ModelHost.Build(ModelHost.Azure(server), time);
        using var cancellation = new CancellationTokenSource();

        var call = host.Chat().GetResponseAsync(ModelHost.Prompt(), null, cancellation.Token);
        await time.FirstWait.WaitAsync(TimeSpan.FromSeconds(30));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(server.Requests);
        Assert.Equal(1, server.RemainingSteps);
    }

    [Fact]
    public async Task A_call_cancelled_before_it_starts_sends_nothing()
    {
        await using var server = new ReplayServer("openai/chat-completion.http");
        using var host = ModelHost.Build(ModelHost.OpenAI(server));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Chat().GetResponseAsync(ModelHost.Prompt(), null, new CancellationToken(true)));

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_stream_that_times_out_before_its_first_chunk_is_retried()
    {
        await using var server = new ReplayServer(
            ReplayStep.Delayed("azure-openai/chat-completion-stream.http", TimeSpan.FromSeconds(10)),
            "azure-openai/chat-completion-stream.http");
        var time = new ManualTimeProvider(Now);
        using var host = ModelHost.Build(ModelHost.Azure(server, timeout: TimeSpan.FromMilliseconds(400)), time);

        var (text, _) = await ModelHost.StreamAsync(host.Chat());

        Assert.StartsWith("{\"domain\"", text, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_stream_cut_before_any_event_is_retried()
    {
        await using var server = new ReplayServer(
            ReplayStep.BrokenAfter("openai/chat-completion-stream.http", 0),
            "openai/chat-completion-stream.http");
        var time = new ManualTimeProvider(Now);
        using var host = ModelHost.Build(ModelHost.OpenAI(server), time);

        var (text, _) = await ModelHost.StreamAsync(host.Chat());

        Assert.Equal("Tasks: 12, phases: 3.", text);
        Assert.Equal(2, server.Requests.Count);
        Assert.Single(time.Waits);
    }

    [Fact]
    public async Task A_stream_cut_after_text_arrived_is_not_retried_and_says_so()
    {
        await using var server = new ReplayServer(
            ReplayStep.BrokenAfter("openai/chat-completion-stream.http", 3),
            "openai/chat-completion-stream.http");
        using var host = ModelHost.Build(ModelHost.OpenAI(server), new ManualTimeProvider(Now));
        var received = new List<string>();

        var error = await Assert.ThrowsAsync<ModelCallException>(async () =>
        {
            await foreach (var update in host.Chat().GetStreamingResponseAsync(ModelHost.Prompt()))
            {
                received.Add(update.Text);
            }
        });

        Assert.Contains("broke off", error.Message, StringComparison.Ordinal);
        Assert.Equal("Tasks: 12, ", string.Concat(received));
        Assert.Single(server.Requests);
    }
}
