using Microsoft.Extensions.Logging;
using Mge.CodeIntelligence.Languages;
using Mge.Pipeline.CodeGeneration;
using Mge.Pipeline.Infrastructure;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Prompting;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;

namespace Mge.Pipeline.Validation;

/// <summary>
/// Phase 4: checks every task's files as one project (the other files and the stack's declared dependencies
/// are the context) with the language services, records per-task diagnostics and the checks that could not be
/// run, and repairs failing tasks with the errors fed back to the model ("repair-0007-a1"). A task fails when
/// any of its files has an error, or when its code generation gave no usable code.
/// </summary>
public sealed class ValidationPhase
{
    /// <summary>Errors quoted in last_error; the full list stays in the task's diagnostics.</summary>
    public const int ErrorsInLastError = 5;

    private readonly RunJournal _journal;
    private readonly RunRepository _repository;
    private readonly LanguageServices _languages;
    private readonly ModelGateway _gateway;
    private readonly PromptBuilder _prompts;
    private readonly TaskPromptSource _promptSource;
    private readonly IProgressPublisher _progress;
    private readonly ILogger<ValidationPhase> _logger;

    public ValidationPhase(
        RunJournal journal,
        RunRepository repository,
        LanguageServices languages,
        ModelGateway gateway,
        PromptBuilder prompts,
        TaskPromptSource promptSource,
        IProgressPublisher progress,
        ILogger<ValidationPhase> logger)
    {
        _journal = journal;
        _repository = repository;
        _languages = languages;
        _gateway = gateway;
        _prompts = prompts;
        _promptSource = promptSource;
        _progress = progress;
        _logger = logger;
    }

    public async Task<ValidationOutcome> ValidateAsync(string runId, CancellationToken cancellationToken = default)
    {
        await _journal.MarkPhaseAsync(runId, PipelinePhase.Validation, cancellationToken).ConfigureAwait(false);
        var plan = await _repository.GetMasterPlanAsync(runId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Run '{runId}' has no masterplan; run the masterplan phase first.");
        var tasks = await _repository.ListTasksAsync(runId, cancellationToken).ConfigureAwait(false);
        var files = await _repository.ListAllTaskFilesAsync(runId, cancellationToken).ConfigureAwait(false);

        var project = new ProjectContext(
            files.Select(f => f.File.Path).ToHashSet(StringComparer.Ordinal),
            ProjectStacks.For(plan.ProjectType).Dependencies);

        var diagnosticsByTask = new Dictionary<int, List<TaskDiagnosticRecord>>();
        var skippedByTask = new Dictionary<int, SortedSet<string>>();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var diagnostics = diagnosticsByTask.TryGetValue(file.TaskNumber, out var d) ? d : diagnosticsByTask[file.TaskNumber] = [];
            var skipped = skippedByTask.TryGetValue(file.TaskNumber, out var s) ? s : skippedByTask[file.TaskNumber] = new SortedSet<string>(StringComparer.Ordinal);
            var service = _languages.ForPath(file.File.Path);
            if (service is null)
            {
                var extension = Path.GetExtension(file.File.Path);
                skipped.Add($"all checks of {(extension.Length == 0 ? "files without extension" : extension + " files")} (no language service)");
                continue;
            }

            var validation = service.Validate(file.File, project, cancellationToken);
            diagnostics.AddRange(validation.Diagnostics.Select(x => TaskDiagnosticRecord.From(file.File.Path, x)));
            foreach (var check in validation.ChecksSkipped)
            {
                skipped.Add($"{check} ({service.Language.ToString().ToLowerInvariant()})");
            }
        }

        var updated = new List<TaskRecord>(tasks.Count);
        var failing = new List<int>();
        int errors = 0, warnings = 0;
        foreach (var task in tasks)
        {
            var diagnostics = diagnosticsByTask.GetValueOrDefault(task.Number) ?? [];
            var skipped = skippedByTask.GetValueOrDefault(task.Number)?.ToList() ?? [];
            var taskErrors = diagnostics.Where(x => x.Severity == DiagnosticSeverity.Error).ToList();
            errors += taskErrors.Count;
            warnings += diagnostics.Count(x => x.Severity == DiagnosticSeverity.Warning);

            if (task.Status is TaskStates.Failed or TaskStates.Planned)
            {
                // No usable code: it fails validation as it stands, with the generation's reason kept.
                failing.Add(task.Number);
                updated.Add(task with
                {
                    Status = TaskStates.Failed,
                    LastError = task.LastError ?? "no code was generated for this task",
                    Diagnostics = diagnostics,
                    ChecksSkipped = skipped,
                });
                continue;
            }

            if (taskErrors.Count > 0)
            {
                failing.Add(task.Number);
            }

            updated.Add(task with
            {
                Status = taskErrors.Count > 0 ? TaskStates.Invalid : TaskStates.Valid,
                LastError = taskErrors.Count > 0 ? DescribeErrors(taskErrors) : null,
                Diagnostics = diagnostics,
                ChecksSkipped = skipped,
            });
        }

        await _repository.SaveTasksAsync(runId, updated, cancellationToken).ConfigureAwait(false);

        var checksSkipped = skippedByTask.Values.SelectMany(s => s).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var round = Math.Max(0, tasks.Count == 0 ? 0 : tasks.Max(t => t.Attempts) - 1);
        await _progress.PublishAsync(ProgressEvents.CodeValidationComplete(runId, round, tasks.Count, errors, warnings, failing.Count, checksSkipped), cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Run {RunId}: validation round {Round}: {Failing} of {Tasks} tasks failing, {Errors} errors, {Warnings} warnings",
            runId, round, failing.Count, tasks.Count, errors, warnings);

        return new ValidationOutcome(tasks.Count, failing, errors, warnings, checksSkipped);
    }

    /// <summary>
    /// Asks the model to fix a failing task (key "repair-{n:D4}-a{attempt}") with its errors and failing code,
    /// and replaces the task's files by those it returns (files it does not return are kept). A task that
    /// passed is left alone without a call. An answer with no usable code leaves the files as they were and
    /// records the problem in last_error.
    /// </summary>
    public async Task<TaskCodeOutcome> RepairAsync(string runId, int taskNumber, int attempt, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        await _journal.MarkPhaseAsync(runId, PipelinePhase.Validation, cancellationToken).ConfigureAwait(false);
        var task = await _repository.RequireTaskAsync(runId, taskNumber, cancellationToken).ConfigureAwait(false);
        var currentFiles = await _repository.GetTaskFilesAsync(runId, taskNumber, cancellationToken).ConfigureAwait(false);
        if (task.Status == TaskStates.Valid)
        {
            return new TaskCodeOutcome(taskNumber, true, currentFiles.Sum(f => f.Text.Length), currentFiles.Count, null, Costs.UsageTotals.Zero);
        }

        var failedFiles = await FailedFilesAsync(task, currentFiles, cancellationToken).ConfigureAwait(false);
        var project = await _promptSource.LoadProjectAsync(runId, cancellationToken).ConfigureAwait(false);
        var signatures = await _promptSource.LoadDependencySignaturesAsync(runId, task, cancellationToken).ConfigureAwait(false);
        var messages = _prompts.Repair(project, task.ToPlanTask(), failedFiles, signatures, attempt);
        var call = await _gateway.CompleteAsync(runId, StorageKeys.Calls.Repair(taskNumber, attempt), ModelRole.Repair, messages, cancellationToken: cancellationToken).ConfigureAwait(false);

        var parsed = CodeBlockParser.Parse(call.Text).WithFinishReason(call.FinishReason);
        var usage = await _repository.SumTaskCallsAsync(runId, taskNumber, cancellationToken).ConfigureAwait(false);
        TaskRecord updated;
        string? error = null;
        if (!parsed.Succeeded)
        {
            error = $"repair attempt {attempt}: {string.Join("; ", parsed.Problems)}";
            updated = task.WithUsage(usage) with
            {
                LastError = error,
                Model = call.Model,
                Attempts = 1 + attempt,
                PromptBlob = call.PromptBlob,
                ResponseBlob = call.ResponseBlob,
            };
        }
        else
        {
            var repaired = BlockFileResolver.Resolve(parsed.Blocks, task.ToPlanTask(), project.ProjectType);
            var repairedRecords = await _repository.SaveTaskFilesAsync(runId, taskNumber, repaired, cancellationToken).ConfigureAwait(false);
            var replaced = repairedRecords.Select(r => r.Path).ToHashSet(StringComparer.Ordinal);
            var files = task.Files.Where(f => !replaced.Contains(f.Path)).Concat(repairedRecords).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
            updated = task.WithUsage(usage) with
            {
                Status = TaskStates.Generated,
                LastError = null,
                Model = call.Model,
                Attempts = 1 + attempt,
                PromptBlob = call.PromptBlob,
                ResponseBlob = call.ResponseBlob,
                Files = files,
                Diagnostics = [],
            };
        }

        await _repository.SaveTaskAsync(runId, updated, cancellationToken).ConfigureAwait(false);
        return new TaskCodeOutcome(taskNumber, error is null, updated.Files.Sum(f => f.Length), updated.Files.Count, error, call.Usage);
    }

    /// <summary>The files to show the model: those with errors, or, for a task with no usable code, its last answer and the reason.</summary>
    private async Task<IReadOnlyList<FailedFile>> FailedFilesAsync(TaskRecord task, IReadOnlyList<SourceFile> currentFiles, CancellationToken cancellationToken)
    {
        var errorsByPath = task.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .GroupBy(d => d.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(d => $"{d.Line}:{d.Column} {d.Code}: {d.Message}").ToList(), StringComparer.Ordinal);

        var failed = currentFiles
            .Where(f => errorsByPath.ContainsKey(f.Path))
            .Select(f => new FailedFile(f.Path, f.Text, errorsByPath[f.Path]))
            .ToList();
        if (failed.Count > 0)
        {
            return failed;
        }

        var previousAnswer = task.ResponseBlob is null
            ? null
            : await _repository.GetTextAsync(StorageNames.RunsContainer, task.ResponseBlob, cancellationToken).ConfigureAwait(false);
        var path = task.TargetFiles.FirstOrDefault() ?? currentFiles.FirstOrDefault()?.Path ?? $"task {task.Number}";
        return [new FailedFile(path, previousAnswer ?? "", [task.LastError ?? "the task has no usable code"])];
    }

    private static string DescribeErrors(IReadOnlyList<TaskDiagnosticRecord> errors)
    {
        var shown = string.Join("; ", errors.Take(ErrorsInLastError).Select(e => e.ToString()));
        return errors.Count > ErrorsInLastError ? $"{shown}; and {errors.Count - ErrorsInLastError} more" : shown;
    }
}
