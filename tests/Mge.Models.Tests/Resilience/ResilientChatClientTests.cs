using Microsoft.Extensions.AI;
using Mge.Models.Resilience;

namespace Mge.Models.Tests.Resilience;

/// <summary>The middleware's own rules, with an in-process inner client (the wire behaviour is in FaultReplayTests).</summary>
public sealed class ResilientChatClientTests
{
    [Theory]
    [InlineData(1, 0.0, 500)]
    [InlineData(1, 1.0, 1000)]
    [InlineData(3, 0.0, 2000)]
    [InlineData(3, 1.0, 4000)]
    [InlineData(10, 1.0, 30000)]
    [InlineData(10, 0.0, 15000)]
    public void Backoff_doubles_per_retry_up_to_the_cap_with_half_of_it_random(int retry, double jitter, double expectedMilliseconds)
    {
        using var client = new ResilientChatClient(new ScriptedChatClient(), new ModelResilienceOptions { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(30) }, jitter: () => jitter);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), client.Backoff(retry));
    }

    [Fact]
    public async Task A_network_failure_is_retried()
    {
        var inner = new ScriptedChatClient(new HttpRequestException("connection refused"), "ok");
        using var client = new ResilientChatClient(inner, new ModelResilienceOptions { BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero });

        var response = await client.GetResponseAsync("hi");

        Assert.Equal("ok", response.Text);
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task A_bug_in_the_inner_client_is_not_retried()
    {
        var inner = new ScriptedChatClient(new InvalidOperationException("bug"), "ok");
        using var client = new ResilientChatClient(inner);

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetResponseAsync("hi"));
        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public async Task The_same_messages_are_sent_on_every_attempt_even_from_a_one_shot_sequence()
    {
        var inner = new ScriptedChatClient(new IOException("reset"), "ok");
        using var client = new ResilientChatClient(inner, new ModelResilienceOptions { BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero });

        await client.GetResponseAsync(OneShot());

        Assert.Equal(["first", "first"], inner.SeenTexts);

        static IEnumerable<ChatMessage> OneShot()
        {
            yield return new ChatMessage(ChatRole.User, "first");
        }
    }

    [Fact]
    public void Invalid_options_are_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ResilientChatClient(new ScriptedChatClient(), new ModelResilienceOptions { MaxRetries = -1 }));

    [Fact]
    public async Task Without_retries_a_retryable_fault_fails_after_its_one_attempt()
    {
        var inner = new ScriptedChatClient(new HttpRequestException("connection refused"), "ok");
        using var client = new ResilientChatClient(inner, new ModelResilienceOptions { MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<ModelRetriesExhaustedException>(() => client.GetResponseAsync("hi"));

        Assert.Equal(1, error.Attempts);
        Assert.Contains("after 1 attempt(s)", error.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal(1, inner.Calls);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(25 * 60 * 60 * 1000)]
    public void An_attempt_timeout_outside_what_the_timeout_strategy_takes_is_rejected(int milliseconds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ResilientChatClient(new ScriptedChatClient(), new ModelResilienceOptions { AttemptTimeout = TimeSpan.FromMilliseconds(milliseconds) }));

    [Fact]
    public async Task An_infinite_attempt_timeout_applies_none()
    {
        var inner = new ScriptedChatClient("ok");
        using var client = new ResilientChatClient(inner, new ModelResilienceOptions { AttemptTimeout = Timeout.InfiniteTimeSpan });

        Assert.Equal("ok", (await client.GetResponseAsync("hi")).Text);
    }

    [Fact]
    public async Task The_attempt_timeout_stops_applying_once_a_stream_has_started()
    {
        var inner = new SlowStreamChatClient(TimeSpan.FromMilliseconds(400));
        using var client = new ResilientChatClient(inner, new ModelResilienceOptions { AttemptTimeout = TimeSpan.FromMilliseconds(100) });

        var text = new List<string>();
        await foreach (var update in client.GetStreamingResponseAsync("hi"))
        {
            text.Add(update.Text);
        }

        Assert.Equal(["first ", "second"], text);
        Assert.Equal(1, inner.Calls);
    }

    /// <summary>Streams one update at once and the last one after a pause, honouring cancellation.</summary>
    private sealed class SlowStreamChatClient(TimeSpan pause) : IChatClient
    {
        public int Calls { get; private set; }

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("This client only streams.");

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages,
            ChatOptions? options = null,
            [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            Calls++;
            yield return new ChatResponseUpdate(ChatRole.Assistant, "first ");
            await Task.Delay(pause, cancellationToken);
            yield return new ChatResponseUpdate(ChatRole.Assistant, "second") { FinishReason = ChatFinishReason.Stop };
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    /// <summary>Answers each call with the next scripted exception (thrown) or text.</summary>
    private sealed class ScriptedChatClient(params object[] script) : IChatClient
    {
        private readonly Queue<object> _script = new(script);

        public int Calls { get; private set; }

        public List<string> SeenTexts { get; } = [];

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            SeenTexts.Add(string.Concat(messages.Select(m => m.Text)));
            return _script.Dequeue() switch
            {
                Exception exception => Task.FromException<ChatResponse>(exception),
                string text => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, text)) { FinishReason = ChatFinishReason.Stop }),
                var other => throw new InvalidOperationException($"Unscripted item {other}"),
            };
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("These tests call GetResponseAsync only.");

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
