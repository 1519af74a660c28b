using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Mge.Pipeline.Costs;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Prompting;
using Mge.Pipeline.Storage;
using Mge.Pipeline.Tests.Runs;
using Moq;

namespace Mge.Pipeline.Tests.Costs;

public sealed class ModelGatewayTests
{
    private static readonly IReadOnlyList<ChatMessage> Messages =
    [
        new(ChatRole.System, "system"),
        new(ChatRole.User, "```json mge-context\n{\"role\":\"chat\"}\n```"),
    ];

    [Fact]
    public async Task A_journaled_call_key_is_answered_from_storage_without_calling_or_paying_again()
    {
        using var host = new PipelineTestHost();
        await host.CreateRunAsync();
        host.Answer(ModelRole.Chat, "hello", 100, 10);
        var gateway = host.Get<ModelGateway>();

        var first = await gateway.CompleteAsync("run-1", "chat-1", ModelRole.Chat, Messages);
        var second = await gateway.CompleteAsync("run-1", "chat-1", ModelRole.Chat, Messages);

        Assert.False(first.FromJournal);
        Assert.True(second.FromJournal);
        Assert.Equal("hello", second.Text);
        Assert.Equal(first.Usage, second.Usage);
        host.Chat.Verify(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()), Times.Once);
        var calls = await host.Get<RunRepository>().ListCallsAsync("run-1");
        Assert.Single(calls);
        Assert.Equal(PromptMessages.Unversioned, calls[0].PromptVersion);
        Assert.Equal("gpt-4o-mini", calls[0].Model);
        Assert.Equal(first.Usage.CostUsd, (await host.Get<RunRepository>().SumCallsAsync("run-1")).CostUsd);
    }

    [Fact]
    public async Task Missing_usage_is_estimated_from_the_text_and_flagged()
    {
        using var host = new PipelineTestHost();
        await host.CreateRunAsync();
        host.Answer(ModelRole.Chat, new string('a', 400), inputTokens: null, outputTokens: null);

        var result = await host.Get<ModelGateway>().CompleteAsync("run-1", "chat-1", ModelRole.Chat, Messages);

        Assert.True(result.UsageEstimated);
        Assert.Equal(100, result.Usage.OutputTokens);
        Assert.True(result.Usage.InputTokens > 0);
        Assert.True(result.Usage.CostUsd > 0);
        Assert.True((await host.Get<RunRepository>().GetCallAsync("run-1", "chat-1"))!.UsageEstimated);
    }

    [Fact]
    public async Task Each_call_publishes_a_cost_update_with_the_runs_running_totals()
    {
        using var host = new PipelineTestHost();
        await host.CreateRunAsync();
        host.Answer(ModelRole.Chat, "one", 1_000, 100, model: "gpt-4o");
        host.Answer(ModelRole.Chat, "two", 2_000, 200, cachedTokens: 1_000, model: "gpt-4o");
        var gateway = host.Get<ModelGateway>();

        await gateway.CompleteAsync("run-1", "chat-1", ModelRole.Chat, Messages);
        await gateway.CompleteAsync("run-1", "chat-2", ModelRole.Chat, Messages);

        var updates = host.Observer.Events.Where(e => e.Type == ProgressEvents.CostUpdateType).ToList();
        Assert.Equal(2, updates.Count);
        var last = updates[^1].Data;
        Assert.Equal(3_000, (long)last["total_tokens_input"]!);
        Assert.Equal(300, (long)last["total_tokens_output"]!);
        Assert.Equal(1_000, (long)last["total_tokens_cached"]!);
        Assert.Equal(2, (int)last["total_calls"]!);
        // (1000 x 2.5 + 100 x 10) + (1000 x 2.5 + 1000 x 1.25 + 200 x 10), per million.
        Assert.Equal(0.0035m + 0.00575m, (decimal)last["total_cost_usd"]!);
        Assert.Equal("11-cost_update-chat-2", updates[^1].Key);
    }

    [Fact]
    public async Task A_model_configured_for_the_role_is_requested()
    {
        using var host = new PipelineTestHost(services => services.Configure<PipelineOptions>(o => o.Models["Chat"] = "gpt-4.1"));
        await host.CreateRunAsync();
        host.Answer(ModelRole.Chat, "hi", model: null);

        var result = await host.Get<ModelGateway>().CompleteAsync("run-1", "chat-1", ModelRole.Chat, Messages);

        Assert.Equal("gpt-4.1", result.Model);
        host.Chat.Verify(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.Is<ChatOptions?>(o => o!.ModelId == "gpt-4.1"), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public void Usage_totals_roll_up_from_calls()
    {
        var a = new UsageTotals(100, 10, 5, 0.5m, 1);
        var b = new UsageTotals(200, 20, 0, 0.25m, 2);

        Assert.Equal(new UsageTotals(300, 30, 5, 0.75m, 3), UsageTotals.Sum([a, b]));
    }
}
