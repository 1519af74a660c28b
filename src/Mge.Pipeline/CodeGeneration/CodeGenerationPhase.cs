using Microsoft.Extensions.Logging;
using Mge.Pipeline.Costs;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Prompting;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;

namespace Mge.Pipeline.CodeGeneration;

/// <summary>
/// Phase 3: one model call per task ("code-0007"), with the signatures of the files of the tasks it depends
/// on. The answer's code blocks become the task's files (paths resolved and confined), stored as blobs; the
/// task record gets the model, tokens, cost and status (generated, or failed with last_error "no code block" /
/// "truncated code block"). Publishes code_generation_progress per task.
/// </summary>
public sealed class CodeGenerationPhase
{
    private readonly RunJournal _journal;
    private readonly RunRepository _repository;
    private readonly ModelGateway _gateway;
    private readonly PromptBuilder _prompts;
    private readonly TaskPromptSource _promptSource;
    private readonly IProgressPublisher _progress;
    private readonly ILogger<CodeGenerationPhase> _logger;

    public CodeGenerationPhase(
        RunJournal journal,
        RunRepository repository,
        ModelGateway gateway,
        PromptBuilder prompts,
        TaskPromptSource promptSource,
        IProgressPublisher progress,
        ILogger<CodeGenerationPhase> logger)
    {
        _journal = journal;
        _repository = repository;
        _gateway = gateway;
        _prompts = prompts;
        _promptSource = promptSource;
        _progress = progress;
        _logger = logger;
    }

    public async Task<TaskCodeOutcome> GenerateAsync(string runId, int taskNumber, CancellationToken cancellationToken = default)
    {
        await _journal.MarkPhaseAsync(runId, PipelinePhase.CodeGeneration, cancellationToken).ConfigureAwait(false);
        var task = await _repository.RequireTaskAsync(runId, taskNumber, cancellationToken).ConfigureAwait(false);
        var project = await _promptSource.LoadProjectAsync(runId, cancellationToken).ConfigureAwait(false);
        var signatures = await _promptSource.LoadDependencySignaturesAsync(runId, task, cancellationToken).ConfigureAwait(false);

        var messages = _prompts.Code(project, task.ToPlanTask(), signatures);
        var call = await _gateway.CompleteAsync(runId, StorageKeys.Calls.Code(taskNumber), ModelRole.Code, messages, cancellationToken: cancellationToken).ConfigureAwait(false);

        var parsed = CodeBlockParser.Parse(call.Text).WithFinishReason(call.FinishReason);
        var usage = await _repository.SumTaskCallsAsync(runId, taskNumber, cancellationToken).ConfigureAwait(false);
        TaskRecord updated;
        int codeLength;
        string? error = null;
        if (!parsed.Succeeded)
        {
            error = string.Join("; ", parsed.Problems);
            codeLength = 0;
            updated = task.WithUsage(usage) with
            {
                Status = TaskStates.Failed,
                LastError = error,
                Model = call.Model,
                Attempts = 1,
                PromptBlob = call.PromptBlob,
                ResponseBlob = call.ResponseBlob,
                Files = [],
                Diagnostics = [],
            };
        }
        else
        {
            var files = BlockFileResolver.Resolve(parsed.Blocks, task.ToPlanTask(), project.ProjectType);
            var fileRecords = await _repository.SaveTaskFilesAsync(runId, taskNumber, files, cancellationToken).ConfigureAwait(false);
            codeLength = files.Sum(f => f.Text.Length);
            updated = task.WithUsage(usage) with
            {
                Status = TaskStates.Generated,
                LastError = null,
                Model = call.Model,
                Attempts = 1,
                PromptBlob = call.PromptBlob,
                ResponseBlob = call.ResponseBlob,
                Files = fileRecords,
                Diagnostics = [],
            };
            foreach (var note in fileRecords.Where(f => f.Note is not null))
            {
                _logger.LogInformation("Run {RunId} task {Task}: {Path} ({Source}): {Note}", runId, taskNumber, note.Path, note.PathSource, note.Note);
            }
        }

        await _repository.SaveTaskAsync(runId, updated, cancellationToken).ConfigureAwait(false);

        var tasks = await _repository.ListTasksAsync(runId, cancellationToken).ConfigureAwait(false);
        var finished = tasks.Count(t => t.Status != TaskStates.Planned);
        await _progress.PublishAsync(ProgressEvents.CodeGenerationProgress(
            runId, taskNumber, task.Name, finished, tasks.Count, codeLength, error is null), cancellationToken).ConfigureAwait(false);

        return new TaskCodeOutcome(taskNumber, error is null, codeLength, updated.Files.Count, error, call.Usage);
    }

    /// <summary>After every task: publishes code_generation_complete and a cost_update for the run, and returns the code calls' usage.</summary>
    public async Task<UsageTotals> CompleteAsync(string runId, CancellationToken cancellationToken = default)
    {
        var tasks = await _repository.ListTasksAsync(runId, cancellationToken).ConfigureAwait(false);
        var codeUsage = await _repository.SumCallsAsync(runId, "code-", cancellationToken).ConfigureAwait(false);
        var failed = tasks.Count(t => t.Status == TaskStates.Failed);
        var generated = tasks.Count(t => t.Status != TaskStates.Planned && t.Status != TaskStates.Failed);
        await _progress.PublishAsync(ProgressEvents.CodeGenerationComplete(runId, tasks.Count, generated, failed, codeUsage), cancellationToken).ConfigureAwait(false);

        var runUsage = await _repository.SumCallsAsync(runId, cancellationToken: cancellationToken).ConfigureAwait(false);
        await _progress.PublishAsync(ProgressEvents.CostUpdate(runId, PipelinePhase.CodeGeneration, "phase", runUsage), cancellationToken).ConfigureAwait(false);

        var plan = await _repository.GetMasterPlanAsync(runId, cancellationToken).ConfigureAwait(false);
        if (plan is not null)
        {
            await _repository.SaveMasterPlanAsync(runId, plan with { GenerationCostUsd = runUsage.CostUsd, LlmTokensTotal = runUsage.TotalTokens }, cancellationToken).ConfigureAwait(false);
        }

        return codeUsage;
    }
}
