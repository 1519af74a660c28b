using Mge.Pipeline.Domain;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Requests;
using Mge.Pipeline.Storage;

namespace Mge.Pipeline.Runs;

/// <summary>
/// The record of each run (table "runs"): created before the orchestration starts (so the orchestration only
/// carries the run id), moved from phase to phase by the phases themselves, and closed as completed or failed.
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

    /// <summary>Where the run stands, or null for an unknown run id.</summary>
    public async Task<RunStatus?> GetStatusAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var run = await _repository.GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
        return run is null
            ? null
            : new RunStatus(run.RunId, run.Status, run.CurrentPhase, run.Error, run.Status == RunStates.Completed ? run.Summary : null, run.CreatedAt, run.UpdatedAt);
    }

    private async Task<RunRecord> RequireAsync(string runId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        return await _repository.GetRunAsync(runId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Run '{runId}' does not exist; create it with RunJournal.CreateAsync first.");
    }
}
