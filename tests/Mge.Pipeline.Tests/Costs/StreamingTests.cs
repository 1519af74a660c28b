using Microsoft.Extensions.AI;
using Mge.Pipeline.Costs;
using Mge.Pipeline.Prompting;
using Mge.Pipeline.Storage;
using Mge.Pipeline.Tests.Runs;

namespace Mge.Pipeline.Tests.Costs;

public sealed class StreamingTests
{
    private static readonly IReadOnlyList<ChatMessage> Messages = [new(ChatRole.User, "```json mge-context\n{\"role\":\"chat\"}\n```")];

    [Fact]
    public async Task A_streamed_call_reports_growing_estimates_then_the_final_count_and_journals_like_a_plain_call()
    {
        using var host = new PipelineTestHost();
        await host.CreateRunAsync();
        var text = string.Concat(Enumerable.Repeat("0123456789", 200));
        host.Answer(ModelRole.Chat, text, 700, 480, cachedTokens: 512);
        var reported = new List<long>();

        var result = await host.Get<ModelGateway>().CompleteStreamingAsync("run-1", "chat-1", ModelRole.Chat, Messages, (tokens, _) =>
        {
            reported.Add(tokens);
            return ValueTask.CompletedTask;
        });

        Assert.Equal(text, result.Text);
        Assert.Equal(new UsageTotals(700, 480, 512, result.Usage.CostUsd, 1), result.Usage);
        Assert.Equal(480, reported[^1]);
        Assert.True(reported.Count >= 3, $"{reported.Count} reports");
        Assert.All(reported.Zip(reported.Skip(1).SkipLast(1)), pair => Assert.True(pair.Second - pair.First >= TokenProgressThrottle.DefaultTokenStep || pair.Second > pair.First));
        var call = (await host.Get<RunRepository>().GetCallAsync("run-1", "chat-1"))!;
        Assert.Equal(("stop", 512L, text.Length), (call.FinishReason, call.CachedTokens, call.ResponseLength));
        Assert.Equal(text, await host.Get<RunRepository>().GetTextAsync(StorageNames.RunsContainer, call.ResponseBlob));
    }

    [Fact]
    public async Task A_journaled_streamed_call_reports_its_stored_count_once_without_calling()
    {
        using var host = new PipelineTestHost();
        await host.CreateRunAsync();
        host.Answer(ModelRole.Chat, "short answer", 100, 3);
        var gateway = host.Get<ModelGateway>();
        await gateway.CompleteStreamingAsync("run-1", "chat-1", ModelRole.Chat, Messages, (_, _) => ValueTask.CompletedTask);
        var reported = new List<long>();

        var again = await gateway.CompleteStreamingAsync("run-1", "chat-1", ModelRole.Chat, Messages, (tokens, _) =>
        {
            reported.Add(tokens);
            return ValueTask.CompletedTask;
        });

        Assert.True(again.FromJournal);
        Assert.Equal([3L], reported);
        Assert.Single(host.Calls);
    }

    [Fact]
    public void The_throttle_reports_every_token_step_or_after_the_interval()
    {
        var time = new ManualTime();
        var throttle = new TokenProgressThrottle(time, tokenStep: 64, interval: TimeSpan.FromMilliseconds(250));

        Assert.False(throttle.ShouldReport(10));
        Assert.False(throttle.ShouldReport(63));
        Assert.True(throttle.ShouldReport(64));
        Assert.False(throttle.ShouldReport(64));
        Assert.False(throttle.ShouldReport(100));
        time.Advance(TimeSpan.FromMilliseconds(250));
        Assert.True(throttle.ShouldReport(101));
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(throttle.ShouldReport(101));
    }

    /// <summary>A clock the test moves by hand.</summary>
    private sealed class ManualTime : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
