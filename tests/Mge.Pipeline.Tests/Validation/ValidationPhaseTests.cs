using Mge.Pipeline.CodeGeneration;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Prompting;
using Mge.Pipeline.Storage;
using Mge.Pipeline.Tests.Runs;
using Mge.Pipeline.Validation;

namespace Mge.Pipeline.Tests.Validation;

public sealed class ValidationPhaseTests
{
    private static async Task<(PipelineTestHost Host, string RunId)> GeneratedRunAsync(string task2Answer)
    {
        var host = new PipelineTestHost();
        var runId = await host.PlannedRunAsync();
        host.Answer(ModelRole.Code, SampleAnswers.CodeTask1);
        host.Answer(ModelRole.Code, task2Answer);
        host.Answer(ModelRole.Code, SampleAnswers.CodeTask3);
        var phase = host.Get<CodeGenerationPhase>();
        for (var n = 1; n <= 3; n++)
        {
            await phase.GenerateAsync(runId, n);
        }

        return (host, runId);
    }

    [Fact]
    public async Task A_file_with_an_error_fails_its_task_and_a_repair_replaces_it()
    {
        var broken = SampleAnswers.CodeTask2.Replace("return []", "return SYNTAX_ERROR", StringComparison.Ordinal);
        var (host, runId) = await GeneratedRunAsync(broken);
        using var _ = host;
        var validation = host.Get<ValidationPhase>();
        var repository = host.Get<RunRepository>();

        var first = await validation.ValidateAsync(runId);

        Assert.Equal([2], first.FailingTasks);
        Assert.Equal(1, first.Errors);
        Assert.Contains("types (python)", first.ChecksSkipped);
        var failing = await repository.GetTaskAsync(runId, 2);
        Assert.Equal(TaskStates.Invalid, failing!.Status);
        Assert.StartsWith("app/routers/tasks.py:", failing.LastError, StringComparison.Ordinal);
        Assert.Equal(TaskStates.Valid, (await repository.GetTaskAsync(runId, 1))!.Status);

        host.Answer(ModelRole.Repair, SampleAnswers.CodeTask2);
        var repair = await validation.RepairAsync(runId, 2, attempt: 1);
        var second = await validation.ValidateAsync(runId);

        Assert.True(repair.Succeeded);
        var prompt = host.Calls[^1].Messages[^1].Text;
        Assert.Contains("\"failed_path\":\"app/routers/tasks.py\"", prompt, StringComparison.Ordinal);
        Assert.Contains("syntax: invalid syntax", prompt, StringComparison.Ordinal);
        Assert.Contains("repair-0002-a1", (await repository.ListCallsAsync(runId)).Select(c => c.Key));
        Assert.Empty(second.FailingTasks);
        var repaired = await repository.GetTaskAsync(runId, 2);
        Assert.Equal((TaskStates.Valid, 2, 2), (repaired!.Status, repaired.Attempts, repaired.LlmCalls));
        Assert.DoesNotContain("SYNTAX_ERROR", (await repository.GetTaskFilesAsync(runId, 2)).Single().Text, StringComparison.Ordinal);
        var rounds = host.Observer.Events.Where(e => e.Type == ProgressEvents.CodeValidationCompleteType).Select(e => e.Key).ToList();
        Assert.Equal(["04-code_validation_complete-0000", "04-code_validation_complete-0001"], rounds);
    }

    [Fact]
    public async Task A_task_whose_generation_failed_counts_as_failing_and_its_repair_sees_the_reason()
    {
        var (host, runId) = await GeneratedRunAsync("```python\n# path: app/routers/tasks.py\ndef list_tasks(\n");
        using var _ = host;
        var validation = host.Get<ValidationPhase>();

        var outcome = await validation.ValidateAsync(runId);
        host.Answer(ModelRole.Repair, "still nothing usable");
        var repair = await validation.RepairAsync(runId, 2, attempt: 1);

        Assert.Equal([2], outcome.FailingTasks);
        Assert.Equal(0, outcome.Errors);
        Assert.False(repair.Succeeded);
        Assert.Equal("repair attempt 1: no code block", repair.Error);
        Assert.Contains("truncated code block", host.Calls[^1].Messages[^1].Text, StringComparison.Ordinal);
        var task = await host.Get<RunRepository>().GetTaskAsync(runId, 2);
        Assert.Equal((TaskStates.Failed, "repair attempt 1: no code block"), (task!.Status, task.LastError));
    }

    [Fact]
    public async Task Repairing_a_valid_task_makes_no_model_call()
    {
        var (host, runId) = await GeneratedRunAsync(SampleAnswers.CodeTask2);
        using var _ = host;
        var validation = host.Get<ValidationPhase>();
        await validation.ValidateAsync(runId);
        var calls = host.Calls.Count;

        var outcome = await validation.RepairAsync(runId, 1, attempt: 1);

        Assert.True(outcome.Succeeded);
        Assert.Equal(calls, host.Calls.Count);
    }
}

public sealed class ValidationWithLanguageServicesTests
{
    [Fact]
    public void AddMgePipeline_registers_the_python_javascript_and_typescript_services()
    {
        using var host = new PipelineTestHost(realLanguageServices: true);
        var languages = host.Get<Mge.CodeIntelligence.Languages.LanguageServices>();

        Assert.Equal(Mge.CodeIntelligence.Languages.SourceLanguage.Python, languages.ForPath("app/main.py")!.Language);
        Assert.Equal(Mge.CodeIntelligence.Languages.SourceLanguage.JavaScript, languages.ForPath("src/app.js")!.Language);
        Assert.Equal(Mge.CodeIntelligence.Languages.SourceLanguage.TypeScript, languages.ForPath("src/app.ts")!.Language);
    }

    [Fact]
    public async Task The_real_python_service_accepts_the_sample_project_and_reports_an_unresolved_import()
    {
        using var host = new PipelineTestHost(realLanguageServices: true);
        var runId = await host.PlannedRunAsync();
        host.Answer(ModelRole.Code, SampleAnswers.CodeTask1);
        host.Answer(ModelRole.Code, SampleAnswers.CodeTask2.Replace("from app.database import get_db", "from app.db_missing import get_db", StringComparison.Ordinal));
        host.Answer(ModelRole.Code, SampleAnswers.CodeTask3);
        var phase = host.Get<CodeGenerationPhase>();
        for (var n = 1; n <= 3; n++)
        {
            await phase.GenerateAsync(runId, n);
        }

        var outcome = await host.Get<ValidationPhase>().ValidateAsync(runId);

        Assert.Equal([2], outcome.FailingTasks);
        var task = await host.Get<RunRepository>().GetTaskAsync(runId, 2);
        Assert.Contains("app.db_missing", task!.LastError, StringComparison.Ordinal);
    }
}
