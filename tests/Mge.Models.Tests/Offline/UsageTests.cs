using Mge.Models.Offline;
using Microsoft.Extensions.AI;

namespace Mge.Models.Tests.Offline;

public sealed class UsageTests
{
    private const string Request = "Create a FastAPI REST API for task management with users, tasks, and comments";

    [Fact]
    public async Task Token_counts_are_positive_deterministic_and_reported_with_the_model_id()
    {
        using var first = new OfflineChatClient();
        using var second = new OfflineChatClient();

        var a = await first.GetResponseAsync(OfflinePrompts.Discovery(Request));
        var b = await second.GetResponseAsync(OfflinePrompts.Discovery(Request));

        Assert.Equal("mge-offline-1", a.ModelId);
        Assert.Equal(ChatFinishReason.Stop, a.FinishReason);
        Assert.True(a.Usage!.InputTokenCount > 0);
        Assert.True(a.Usage.OutputTokenCount > 0);
        Assert.Equal(a.Usage.InputTokenCount + a.Usage.OutputTokenCount, a.Usage.TotalTokenCount);
        Assert.Equal(a.Usage.InputTokenCount, b.Usage!.InputTokenCount);
        Assert.Equal(a.Usage.OutputTokenCount, b.Usage.OutputTokenCount);
        Assert.Equal(a.Text, b.Text);
    }

    [Fact]
    public async Task A_long_shared_prefix_is_reported_as_cached_input_in_steps_of_128()
    {
        using var client = new OfflineChatClient();
        var shared = new ChatMessage(ChatRole.System, string.Join(' ', Enumerable.Range(0, 1500).Select(i => $"rule{i}")));
        List<ChatMessage> Prompt(string question) => [shared, new ChatMessage(ChatRole.User, question)];

        var first = await client.GetResponseAsync(Prompt("Hello, what can you build?"));
        var second = await client.GetResponseAsync(Prompt("Hola, ¿qué puedes generar?"));

        Assert.Equal(0, first.Usage!.CachedInputTokenCount);
        var cached = second.Usage!.CachedInputTokenCount!.Value;
        Assert.True(cached >= 1024, $"cached {cached}");
        Assert.Equal(0, cached % 128);
        Assert.True(cached <= second.Usage.InputTokenCount);
    }

    [Fact]
    public async Task A_short_shared_prefix_is_not_cached()
    {
        using var client = new OfflineChatClient();

        await client.GetResponseAsync(OfflinePrompts.Discovery(Request));
        var again = await client.GetResponseAsync(OfflinePrompts.Discovery(Request));

        Assert.Equal(0, again.Usage!.CachedInputTokenCount);
    }

    [Fact]
    public async Task Streaming_yields_the_same_text_in_chunks_and_usage_last()
    {
        using var client = new OfflineChatClient(new OfflineModelOptions { StreamingChunkSize = 50 });
        var expected = await new OfflineChatClient().GetResponseAsync(OfflinePrompts.Discovery(Request));

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(OfflinePrompts.Discovery(Request)))
        {
            updates.Add(update);
        }

        Assert.True(updates.Count > 3);
        Assert.Equal(expected.Text, string.Concat(updates.Select(u => u.Text)));
        var usage = Assert.IsType<UsageContent>(Assert.Single(updates[^1].Contents));
        Assert.Equal(expected.Usage!.OutputTokenCount, usage.Details.OutputTokenCount);
        Assert.Equal(ChatFinishReason.Stop, updates[^1].FinishReason);
        Assert.All(updates, u => Assert.Equal("mge-offline-1", u.ModelId));
    }

    [Fact]
    public async Task Simulated_latency_honours_cancellation()
    {
        using var client = new OfflineChatClient(new OfflineModelOptions { SimulatedLatency = TimeSpan.FromSeconds(30) });
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetResponseAsync(OfflinePrompts.Discovery(Request), cancellationToken: cancellation.Token));
    }
}
