using Mge.Models.Offline;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Prompting;

namespace Mge.Models.Tests.Offline;

/// <summary>The offline model answers the pipeline's own prompts (PromptBuilder) in the forms its own parsers accept or reject.</summary>
public sealed class PipelineCompatibilityTests
{
    private const string Request = "Create a FastAPI REST API for task management with users, tasks, and comments";

    [Fact]
    public async Task Pipeline_prompts_get_answers_the_pipeline_parsers_accept()
    {
        using var client = new OfflineChatClient();
        var prompts = new PromptBuilder();

        var discoveryAnswer = await client.GetResponseAsync(prompts.Discovery(Request, null));
        Assert.True(JsonResponseParser.TryParse<DiscoveryDocument>(discoveryAnswer.Text, out var discovery, out var discoveryError), discoveryError);
        var planAnswer = await client.GetResponseAsync(prompts.MasterPlan(Request, ProjectType.FastApi, discovery));
        Assert.True(JsonResponseParser.TryParse<MasterPlan>(planAnswer.Text, out var plan, out var planError), planError);

        var project = new ProjectPrompt(Request, ProjectType.FastApi, discovery, plan.Tasks.Select(t => new PlanTaskBrief(t.Number, t.Name, t.TargetFiles)).ToList());
        foreach (var task in plan.Tasks)
        {
            var code = CodeBlockParser.Parse((await client.GetResponseAsync(prompts.Code(project, task, []))).Text);
            Assert.True(code.Succeeded, string.Join("; ", code.Problems));
            Assert.Equal(task.TargetFiles.Count, code.Blocks.Count);
        }
    }

    [Theory]
    [InlineData(OfflineFaultKinds.NoCodeBlock, CodeBlocks.NoCodeBlock)]
    [InlineData(OfflineFaultKinds.TruncatedCode, CodeBlocks.TruncatedCodeBlock)]
    public async Task Format_faults_are_reported_by_the_pipeline_parser_and_the_next_attempt_is_clean(OfflineFaultKinds kind, string problem)
    {
        using var clean = new OfflineChatClient();
        using var faulty = new OfflineChatClient(new OfflineModelOptions { FaultRate = 1, FaultKinds = kind });
        var prompts = new PromptBuilder();
        JsonResponseParser.TryParse<DiscoveryDocument>((await clean.GetResponseAsync(prompts.Discovery(Request, null))).Text, out var discovery, out _);
        JsonResponseParser.TryParse<MasterPlan>((await clean.GetResponseAsync(prompts.MasterPlan(Request, ProjectType.FastApi, discovery))).Text, out var plan, out _);
        var project = new ProjectPrompt(Request, ProjectType.FastApi, discovery, plan.Tasks.Select(t => new PlanTaskBrief(t.Number, t.Name, t.TargetFiles)).ToList());
        var task = plan.Tasks.First();

        var first = CodeBlockParser.Parse((await faulty.GetResponseAsync(prompts.Code(project, task, [], attempt: 1))).Text);
        var second = CodeBlockParser.Parse((await faulty.GetResponseAsync(prompts.Code(project, task, [], attempt: 2))).Text);

        Assert.Contains(problem, first.Problems);
        Assert.True(second.Succeeded, string.Join("; ", second.Problems));
    }
}
