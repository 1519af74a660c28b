using Microsoft.Extensions.AI;
using Mge.CodeIntelligence.Paths;
using Mge.Pipeline.CodeGeneration;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Prompting;
using Mge.Pipeline.Storage;
using Mge.Pipeline.Tests.Runs;

namespace Mge.Pipeline.Tests.CodeGeneration;

public sealed class CodeGenerationPhaseTests
{
    [Fact]
    public async Task Stores_each_blocks_file_under_its_path_and_updates_the_task()
    {
        using var host = new PipelineTestHost();
        var runId = await host.PlannedRunAsync();
        host.Answer(ModelRole.Code, SampleAnswers.CodeTask1, 2_000, 800, cachedTokens: 1_500);

        var outcome = await host.Get<CodeGenerationPhase>().GenerateAsync(runId, 1);

        Assert.True(outcome.Succeeded);
        Assert.Equal(2, outcome.Files);
        var repository = host.Get<RunRepository>();
        var task = await repository.GetTaskAsync(runId, 1);
        Assert.Equal(TaskStates.Generated, task!.Status);
        Assert.Equal((2_000L, 800L, 1_500L, 1), (task.LlmTokensInput, task.LlmTokensOutput, task.LlmCachedTokens, task.LlmCalls));
        Assert.Equal((500 * 0.15m + 1_500 * 0.075m + 800 * 0.60m) / 1_000_000m, task.LlmCostUsd);
        Assert.Equal("gpt-4o-mini", task.Model);
        Assert.Equal(["app/database.py", "app/models/user.py"], task.Files.Select(f => f.Path));
        Assert.All(task.Files, f => Assert.Equal(PathSource.ExplicitMetadata, f.PathSource));
        var files = await repository.GetTaskFilesAsync(runId, 1);
        Assert.StartsWith("\"\"\"Database engine and session.\"\"\"", files[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("# path:", files[0].Text, StringComparison.Ordinal);
        var progress = host.Observer.Events.Single(e => e.Type == ProgressEvents.CodeGenerationProgressType);
        Assert.Equal("1/3", (string?)progress.Data["progress"]);
        Assert.True((bool)progress.Data["success"]!);
    }

    [Fact]
    public async Task A_dependent_task_gets_the_signatures_of_the_files_it_depends_on()
    {
        using var host = new PipelineTestHost();
        var runId = await host.PlannedRunAsync();
        host.Answer(ModelRole.Code, SampleAnswers.CodeTask1);
        host.Answer(ModelRole.Code, SampleAnswers.CodeTask2);
        var phase = host.Get<CodeGenerationPhase>();

        await phase.GenerateAsync(runId, 1);
        await phase.GenerateAsync(runId, 2);

        var prompt = host.Calls[^1].Messages[^1].Text;
        Assert.Contains("\"dependency_signatures\":[{\"path\":\"app/database.py\"", prompt, StringComparison.Ordinal);
        Assert.Contains("def get_db():", prompt, StringComparison.Ordinal);
        Assert.Contains("class User(Base):", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("db.close()", prompt, StringComparison.Ordinal);
        var firstPrompt = host.Calls[^2].Messages;
        Assert.Equal(firstPrompt[1].Text, host.Calls[^1].Messages[1].Text);
    }

    [Theory]
    [InlineData("I will write the code now:\n\ndef list_tasks():\n    return []\n", "no code block")]
    [InlineData("```python\n# path: app/routers/tasks.py\ndef list_tasks(\n", "truncated code block")]
    public async Task An_answer_without_usable_code_fails_the_task_with_last_error(string answer, string expected)
    {
        using var host = new PipelineTestHost();
        var runId = await host.PlannedRunAsync();
        host.Answer(ModelRole.Code, answer);

        var outcome = await host.Get<CodeGenerationPhase>().GenerateAsync(runId, 2);

        Assert.False(outcome.Succeeded);
        Assert.Equal(expected, outcome.Error);
        var task = await host.Get<RunRepository>().GetTaskAsync(runId, 2);
        Assert.Equal((TaskStates.Failed, expected), (task!.Status, task.LastError));
        Assert.Empty(task.Files);
        Assert.True(task.LlmCostUsd > 0);
    }

    [Fact]
    public async Task An_answer_cut_off_at_the_token_limit_fails_the_task_even_when_its_blocks_are_complete()
    {
        using var host = new PipelineTestHost();
        var runId = await host.PlannedRunAsync();
        // The cut landed right after a closing fence: the block is well formed, the files after it are lost.
        host.Answer(ModelRole.Code, "```python\n# path: app/database.py\n\"\"\"Database.\"\"\"\n```\n", finishReason: ChatFinishReason.Length);

        var outcome = await host.Get<CodeGenerationPhase>().GenerateAsync(runId, 1);

        Assert.False(outcome.Succeeded);
        Assert.Equal(CodeBlocks.CutOffAtLimit, outcome.Error);
        var task = await host.Get<RunRepository>().GetTaskAsync(runId, 1);
        Assert.Equal(TaskStates.Failed, task!.Status);
    }

    [Fact]
    public async Task Paths_outside_the_workspace_are_rejected_noted_and_replaced_by_a_safe_path()
    {
        using var host = new PipelineTestHost();
        var runId = await host.PlannedRunAsync();
        host.Answer(ModelRole.Code, "```python\n# path: ../../x.py\n\"\"\"Escape.\"\"\"\n```\n```python\n# path: /etc/passwd\n\"\"\"Root.\"\"\"\n```\n");

        await host.Get<CodeGenerationPhase>().GenerateAsync(runId, 1);

        var task = await host.Get<RunRepository>().GetTaskAsync(runId, 1);
        Assert.Equal(["app/database.py", "app/models/user.py"], task!.Files.Select(f => f.Path));
        Assert.All(task.Files, f => Assert.Equal(PathSource.TaskTargetFile, f.PathSource));
        Assert.Contains("'../../x.py' ignored", task.Files[0].Note, StringComparison.Ordinal);
        Assert.Contains("'/etc/passwd' ignored", task.Files[1].Note, StringComparison.Ordinal);
        Assert.All(task.Files, f => Assert.StartsWith($"{runId}/tasks/0001/app/", f.Blob, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Generating_a_task_twice_makes_one_model_call_and_leaves_the_same_rows()
    {
        using var host = new PipelineTestHost();
        var runId = await host.PlannedRunAsync();
        host.Answer(ModelRole.Code, SampleAnswers.CodeTask1);
        var phase = host.Get<CodeGenerationPhase>();
        var repository = host.Get<RunRepository>();

        var first = await phase.GenerateAsync(runId, 1);
        var firstTask = await repository.GetTaskAsync(runId, 1);
        var second = await phase.GenerateAsync(runId, 1);

        Assert.Equal(first, second);
        Assert.Equal(StoredJson.Of(firstTask), StoredJson.Of(await repository.GetTaskAsync(runId, 1)));
        Assert.Equal(3, (await repository.ListCallsAsync(runId)).Count);
        Assert.Equal(3, host.Calls.Count);
    }

    [Fact]
    public async Task Completing_rolls_the_costs_up_to_the_masterplan()
    {
        using var host = new PipelineTestHost();
        var runId = await host.PlannedRunAsync();
        host.Answer(ModelRole.Code, SampleAnswers.CodeTask1);
        host.Answer(ModelRole.Code, SampleAnswers.CodeTask2);
        host.Answer(ModelRole.Code, "no code here");
        var phase = host.Get<CodeGenerationPhase>();
        var repository = host.Get<RunRepository>();
        for (var n = 1; n <= 3; n++)
        {
            await phase.GenerateAsync(runId, n);
        }

        var codeUsage = await phase.CompleteAsync(runId);

        Assert.Equal(3, codeUsage.Calls);
        Assert.Equal(UsageTotals(await repository.ListTasksAsync(runId)), codeUsage.CostUsd);
        var plan = await repository.GetMasterPlanAsync(runId);
        Assert.Equal((await repository.SumCallsAsync(runId)).CostUsd, plan!.GenerationCostUsd);
        Assert.Equal(5 * 1_500, plan.LlmTokensTotal);
        var complete = host.Observer.Events.Single(e => e.Type == ProgressEvents.CodeGenerationCompleteType);
        Assert.Equal((2, 1), ((int)complete.Data["tasks_succeeded"]!, (int)complete.Data["tasks_failed"]!));
        Assert.Contains(host.Observer.Events, e => e.Key == "03-cost_update-phase");
    }

    private static decimal UsageTotals(IEnumerable<TaskRecord> tasks) => tasks.Sum(t => t.LlmCostUsd);
}
