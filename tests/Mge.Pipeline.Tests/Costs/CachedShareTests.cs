using Microsoft.Extensions.AI;
using Mge.Pipeline.Costs;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Prompting;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;
using Mge.Pipeline.Tests.Runs;

namespace Mge.Pipeline.Tests.Costs;

public sealed class CachedShareTests
{
    [Theory]
    [InlineData(0, 0, 0.0)]
    [InlineData(1000, 250, 0.25)]
    [InlineData(3000, 1000, 0.3333)]
    [InlineData(100, 500, 1.0)]
    public void The_cached_share_is_cached_over_input_tokens(long input, long cached, double share)
    {
        Assert.Equal(share, new UsageTotals(input, 10, cached, 0m, 1).CachedShare);
    }

    [Fact]
    public async Task Cost_updates_carry_the_calls_and_the_runs_cached_tokens_and_share()
    {
        using var host = new PipelineTestHost();
        await host.CreateRunAsync();
        host.Answer(ModelRole.Chat, "one", 2_000, 100, cachedTokens: 0);
        host.Answer(ModelRole.Chat, "two", 2_000, 100, cachedTokens: 1_536);
        var gateway = host.Get<ModelGateway>();
        IReadOnlyList<ChatMessage> messages = [new(ChatRole.User, "```json mge-context\n{\"role\":\"chat\"}\n```")];

        await gateway.CompleteAsync("run-1", "chat-1", ModelRole.Chat, messages);
        await gateway.CompleteAsync("run-1", "chat-2", ModelRole.Chat, messages);

        var last = host.Observer.Events.Last(e => e.Type == ProgressEvents.CostUpdateType).Data;
        Assert.Equal((1_536L, 0.768, 1_536L, 0.384),
            ((long)last["tokens_cached"]!, (double)last["cached_share"]!, (long)last["total_tokens_cached"]!, (double)last["total_cached_share"]!));
        Assert.Equal(1_536, (await host.Get<RunRepository>().GetCallAsync("run-1", "chat-2"))!.CachedTokens);
    }

    [Fact]
    public void The_per_phase_roll_up_groups_calls_by_the_phase_they_belong_to()
    {
        static ModelCallRecord Call(string key, ModelRole role, decimal cost) => new()
        {
            Key = key, Role = role, Model = "m", PromptVersion = "v@1", InputTokens = 10, OutputTokens = 1, CostUsd = cost,
            ResponseBlob = "b", CreatedAt = DateTimeOffset.UnixEpoch,
        };

        var phases = CostRollup.ByPhase(
        [
            Call("code-0002", ModelRole.Code, 0.2m), Call("discovery", ModelRole.Discovery, 0.1m), Call("code-0001", ModelRole.Code, 0.2m),
            Call("repair-0001-a2", ModelRole.Repair, 0.3m), Call("atom-0001-00002-a1", ModelRole.Repair, 0.05m), Call("masterplan", ModelRole.Planning, 0.4m),
        ]);

        Assert.Equal(["Discovery", "MasterPlan", "CodeGeneration", "Validation", "WaveExecution"], phases.Keys);
        Assert.Equal(new UsageTotals(20, 2, 0, 0.4m, 2), phases["CodeGeneration"]);
        Assert.Equal(0.05m, phases[nameof(PipelinePhase.WaveExecution)].CostUsd);
    }
}
