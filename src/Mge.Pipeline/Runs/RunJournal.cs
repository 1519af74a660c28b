using System.Globalization;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Requests;
using Mge.Pipeline.Storage;

namespace Mge.Pipeline.Runs;

/// <summary>
/// The record of each run (table "runs"): created before the orchestration starts (so the orchestration only
/// carries the run id), moved from phase to phase by the phases themselves, and closed as completed, failed or
/// stopped at its budget cap (from where it can be resumed with a higher cap).
/// </summary>
public sealed class RunJournal
{
    private readonly RunRepository _repository;
    private readonly IProgressPublisher _progress;
    private readonly GenerationRequestValidator _validator;
    private readonly TimeProvider _time;

    public RunJournal(RunRepository repository, IProgressPublisher progress, GenerationRequestValidator validator, TimeProvider time)
    {
        _repository = repository;
        _progress = progress;
        _validator = validator;
        _time = time;
    }

    /// <summary>
    /// Stores a new run. Creating the same run again (same id, request, options and user) returns the stored
    /// record; the same id with different content is refused, because two requests must never share a run.
    /// </summary>
    public async Task<RunRecord> CreateAsync(GenerationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.RunId);
        _validator.EnsureValid(request.Request);

        var existing = await _repository.GetRunAsync(request.RunId, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            if (existing.Request == request.Request && existing.Options == request.Options && existing.UserId == request.UserId)
            {
                return existing;
            }

            throw new InvalidOperationException($"Run '{request.RunId}' already exists with a different request or options; use a new run id.");
        }

        var run = new RunRecord
        {
            RunId = request.RunId,
            UserId = request.UserId,
            Request = request.Request,
            Options = request.Options,
            CreatedAt = request.CreatedAt,
            UpdatedAt = _time.GetUtcNow(),
            Status = RunStates.Running,
        };
        await _repository.SaveRunAsync(run, cancellationToken).ConfigureAwait(false);
        return run;
    }

    public async Task<GenerationRequest> GetRequestAsync(string runId, CancellationToken cancellationToken = default)
    {
        var run = await RequireAsync(runId, cancellationToken).ConfigureAwait(false);
        return new GenerationRequest(run.RunId, run.Request, run.Options, run.CreatedAt, run.UserId);
    }

    /// <summary>Records the phase the run is in; a finished run is left as it is (a late activity retry must not reopen it).</summary>
    public async Task MarkPhaseAsync(string runId, PipelinePhase phase, CancellationToken cancellationToken = default)
    {
        var run = await RequireAsync(runId, cancellationToken).ConfigureAwait(false);
        if (run.Status != RunStates.Running || run.CurrentPhase == phase)
        {
            return;
        }

        await _repository.SaveRunAsync(run with { CurrentPhase = phase, UpdatedAt = _time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks the run failed in <paramref name="phase"/> with a message for the user, and publishes the <c>error</c> event.</summary>
    public async Task FailAsync(string runId, PipelinePhase phase, string message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        var run = await RequireAsync(runId, cancellationToken).ConfigureAwait(false);
        await _repository.SaveRunAsync(run with
        {
            Status = RunStates.Failed,
            CurrentPhase = phase,
            FailedPhase = phase,
            Error = message,
            UpdatedAt = _time.GetUtcNow(),
        }, cancellationToken).ConfigureAwait(false);
        await _progress.PublishAsync(ProgressEvents.Error(runId, phase, message), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks the run completed with its summary.</summary>
    public async Task CompleteAsync(string runId, GenerationSummary summary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var run = await RequireAsync(runId, cancellationToken).ConfigureAwait(false);
        await _repository.SaveRunAsync(run with
        {
            Status = RunStates.Completed,
            CurrentPhase = PipelinePhase.Delivery,
            Error = null,
            Model = summary.Model,
            Summary = summary,
            UpdatedAt = _time.GetUtcNow(),
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Marks the run stopped at its budget cap (status "budget_exceeded", the phase it was in, the reason and
    /// the partial summary) and publishes an <c>error</c> event with code "budget_exceeded", spent and cap.
    /// </summary>
    public async Task StopForBudgetAsync(string runId, PipelinePhase phase, string message, decimal spentUsd, decimal capUsd, GenerationSummary summary, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        ArgumentNullException.ThrowIfNull(summary);
        var run = await RequireAsync(runId, cancellationToken).ConfigureAwait(false);
        await _repository.SaveRunAsync(run with
        {
            Status = RunStates.BudgetExceeded,
            CurrentPhase = phase,
            FailedPhase = phase,
            Error = message,
            Model = summary.Model,
            Summary = summary,
            UpdatedAt = _time.GetUtcNow(),
        }, cancellationToken).ConfigureAwait(false);
        await _progress.PublishAsync(ProgressEvents.BudgetExceeded(runId, phase, message, spentUsd, capUsd), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reopens a run that stopped at its budget cap with a new cap (USD; 0 removes the cap), which must be above
    /// what the run has already spent. Returns the updated record: the caller starts a new orchestration instance
    /// over the same run id (see Mge.Workflow's RunResumer); journaled calls are answered from storage, so the work
    /// already paid for is not paid again.
    /// </summary>
    public async Task<RunRecord> ResumeAsync(string runId, decimal newCapUsd, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(newCapUsd);
        var run = await RequireAsync(runId, cancellationToken).ConfigureAwait(false);
        if (run.Status != RunStates.BudgetExceeded)
        {
            throw new InvalidOperationException($"Run '{runId}' is {run.Status}; only a run stopped at its budget cap ({RunStates.BudgetExceeded}) can be resumed.");
        }

        var spent = (await _repository.SumCallsAsync(runId, null, cancellationToken).ConfigureAwait(false)).CostUsd;
        if (newCapUsd > 0 && newCapUsd <= spent)
        {
            throw new ArgumentOutOfRangeException(nameof(newCapUsd), newCapUsd,
                string.Create(CultureInfo.InvariantCulture, $"Run '{runId}' has already spent {spent:0.######} USD; resume it with a cap above that (or 0 for no cap)."));
        }

        var resumed = run with
        {
            Options = run.Options with { BudgetUsd = newCapUsd },
            Status = RunStates.Running,
            FailedPhase = null,
            Error = null,
            Summary = null,
            Resumes = run.Resumes + 1,
            UpdatedAt = _time.GetUtcNow(),
        };
        await _repository.SaveRunAsync(resumed, cancellationToken).ConfigureAwait(false);
        return resumed;
    }

    /// <summary>Where the run stands, or null for an unknown run id.</summary>
    public async Task<RunStatus?> GetStatusAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var run = await _repository.GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
        return run is null
            ? null
            : new RunStatus(run.RunId, run.Status, run.CurrentPhase, run.Error, run.Status is RunStates.Completed or RunStates.BudgetExceeded ? run.Summary : null, run.CreatedAt, run.UpdatedAt);
    }

    private async Task<RunRecord> RequireAsync(string runId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        return await _repository.GetRunAsync(runId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Run '{runId}' does not exist; create it with RunJournal.CreateAsync first.");
    }
}
