using System.Text.Json;
using Mge.Models.Offline;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Prompting;
using Microsoft.Extensions.AI;

namespace Mge.Models.Tests.Offline;

public sealed class FaultInjectionTests
{
    private const string Request = "Create a FastAPI REST API for task management with users, tasks, and comments";

    private static OfflineChatClient Faulty(OfflineFaultKinds kinds) => new(new OfflineModelOptions { FaultRate = 1, FaultKinds = kinds, Seed = 7 });

    private static async Task<(DiscoveryDocument Discovery, MasterPlan Plan)> ContextAsync()
    {
        using var clean = new OfflineChatClient();
        var discovery = OfflinePrompts.ReadJson<DiscoveryDocument>((await clean.GetResponseAsync(OfflinePrompts.Discovery(Request))).Text);
        var plan = OfflinePrompts.ReadJson<MasterPlan>((await clean.GetResponseAsync(OfflinePrompts.Planning(Request, ProjectType.FastApi, discovery))).Text);
        return (discovery, plan);
    }

    private static async Task<List<ChatMessage>> ModelTaskPromptAsync(int? attempt)
    {
        var (discovery, plan) = await ContextAsync();
        var task = plan.Tasks.First(t => t.TargetFiles.Contains("app/models/task.py"));
        return OfflinePrompts.Code(Request, ProjectType.FastApi, discovery, plan, task, taskPart: new PromptContext { Attempt = attempt });
    }

    [Fact]
    public async Task InvalidJson_breaks_the_discovery_JSON_and_attempt_2_is_clean()
    {
        using var client = Faulty(OfflineFaultKinds.InvalidJson);

        var broken = await client.GetResponseAsync(OfflinePrompts.Discovery(Request, attempt: 1));
        var retried = await client.GetResponseAsync(OfflinePrompts.Discovery(Request, attempt: 2));

        Assert.ThrowsAny<JsonException>(() => OfflinePrompts.ReadJson<DiscoveryDocument>(broken.Text));
        Assert.Equal(3, OfflinePrompts.ReadJson<DiscoveryDocument>(retried.Text).Entities.Count());
    }

    [Fact]
    public async Task TruncatedCode_cuts_the_answer_without_a_closing_fence_and_reports_length()
    {
        using var client = Faulty(OfflineFaultKinds.TruncatedCode);
        using var clean = new OfflineChatClient();
        var prompt = await ModelTaskPromptAsync(attempt: null);

        var broken = await client.GetResponseAsync(prompt);
        var expected = await clean.GetResponseAsync(prompt);

        Assert.Equal(ChatFinishReason.Length, broken.FinishReason);
        Assert.Equal(1, CountFences(broken.Text));
        Assert.StartsWith(broken.Text.TrimEnd('\n'), expected.Text, StringComparison.Ordinal);
        Assert.True(broken.Text.Length < expected.Text.Length);
    }

    [Fact]
    public async Task SyntaxError_breaks_a_block_header_and_attempt_2_is_clean()
    {
        using var client = Faulty(OfflineFaultKinds.SyntaxError);
        using var clean = new OfflineChatClient();

        var broken = OfflinePrompts.ReadFiles((await client.GetResponseAsync(await ModelTaskPromptAsync(attempt: 1))).Text);
        var retried = (await client.GetResponseAsync(await ModelTaskPromptAsync(attempt: 2))).Text;
        var expected = (await clean.GetResponseAsync(await ModelTaskPromptAsync(attempt: 2))).Text;

        var (path, content) = Assert.Single(broken);
        Assert.Equal("app/models/task.py", path);
        Assert.Contains("\nclass Task(Base)\n", content);
        Assert.Equal(expected, retried);
        Assert.Contains("\nclass Task(Base):\n", retried);
    }

    [Fact]
    public async Task NoCodeBlock_answers_code_without_fences()
    {
        using var client = Faulty(OfflineFaultKinds.NoCodeBlock);

        var broken = await client.GetResponseAsync(await ModelTaskPromptAsync(attempt: 1));

        Assert.Equal(0, CountFences(broken.Text));
        Assert.Contains("class Task(Base):", broken.Text);
        Assert.Equal(ChatFinishReason.Stop, broken.FinishReason);
    }

    [Fact]
    public async Task Faults_apply_only_where_they_fit_the_answer()
    {
        using var client = Faulty(OfflineFaultKinds.InvalidJson);
        using var clean = new OfflineChatClient();
        var prompt = await ModelTaskPromptAsync(attempt: 1);

        Assert.Equal((await clean.GetResponseAsync(prompt)).Text, (await client.GetResponseAsync(prompt)).Text);
    }

    [Fact]
    public async Task Fault_decisions_are_deterministic_and_follow_the_rate()
    {
        var options = new OfflineModelOptions { FaultRate = 0.5, FaultKinds = OfflineFaultKinds.InvalidJson, Seed = 3 };
        using var first = new OfflineChatClient(options);
        using var second = new OfflineChatClient(options);
        var broken = 0;
        for (var i = 0; i < 40; i++)
        {
            var prompt = OfflinePrompts.Discovery($"Create an API with users and widgets number {i}");
            var a = (await first.GetResponseAsync(prompt)).Text;
            var b = (await second.GetResponseAsync(prompt)).Text;
            Assert.Equal(a, b);
            broken += IsValidJson(a) ? 0 : 1;
        }

        Assert.InRange(broken, 8, 32);
    }

    [Fact]
    public void Options_out_of_range_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OfflineChatClient(new OfflineModelOptions { FaultRate = 1.5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OfflineChatClient(new OfflineModelOptions { SimulatedLatency = TimeSpan.FromSeconds(-1) }));
    }

    private static int CountFences(string text) => text.Split("```").Length - 1;

    private static bool IsValidJson(string answer)
    {
        try
        {
            OfflinePrompts.ReadJson<DiscoveryDocument>(answer);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
