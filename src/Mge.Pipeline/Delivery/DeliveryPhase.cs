using Mge.Pipeline.Costs;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;
using Mge.Pipeline.Verification;
using Mge.Pipeline.Waves;
using Mge.Pipeline.Workspace;

namespace Mge.Pipeline.Delivery;

/// <summary>
/// Phase 11: zips the workspace to blob container "workspaces" ("{runId}.zip"), rolls every journaled model
/// call (discovery, masterplan, code, repairs, atom repairs) up into the masterplan record
/// (generation_cost_usd, llm_tokens_total), builds the run's <see cref="GenerationSummary"/> (with the verification results), completes the
/// run and publishes <c>complete</c>. Everything is recomputed from storage, so a re-run gives the same result.
/// </summary>
public sealed class DeliveryPhase
{
    private readonly RunRepository _repository;
    private readonly RunJournal _journal;
    private readonly WavePlanStore _plans;
    private readonly IProgressPublisher _progress;
    private readonly VerificationStore _verification;

    public DeliveryPhase(RunRepository repository, RunJournal journal, WavePlanStore plans, IProgressPublisher progress, VerificationStore verification)
    {
        _verification = verification;
        _repository = repository;
        _journal = journal;
        _plans = plans;
        _progress = progress;
    }

    public async Task<GenerationSummary> PackageAsync(string runId, PhaseTimings timings, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        ArgumentNullException.ThrowIfNull(timings);
        await _journal.MarkPhaseAsync(runId, PipelinePhase.Delivery, cancellationToken).ConfigureAwait(false);

        var masterPlan = await _repository.GetMasterPlanAsync(runId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Run '{runId}' has no masterplan to deliver.");

        var zip = await WorkspaceArchive.BuildAsync(_repository.Blobs, runId, cancellationToken).ConfigureAwait(false);
        var zipName = StorageKeys.Blobs.WorkspaceZip(runId);
        await _repository.Blobs.PutAsync(StorageNames.WorkspacesContainer, zipName, zip, cancellationToken).ConfigureAwait(false);
        var files = 0;
        await foreach (var _ in _repository.Blobs.ListAsync(StorageNames.RunsContainer, StorageKeys.Blobs.WorkspacePrefix(runId), cancellationToken).ConfigureAwait(false))
        {
            files++;
        }

        var calls = await _repository.ListCallsAsync(runId, null, cancellationToken).ConfigureAwait(false);
        var usage = UsageTotals.Sum(calls.Select(c => c.Usage));
        await _repository.SaveMasterPlanAsync(runId, masterPlan with
        {
            GenerationCostUsd = usage.CostUsd,
            LlmTokensTotal = usage.TotalTokens,
        }, cancellationToken).ConfigureAwait(false);

        var tasks = await _repository.ListTasksAsync(runId, cancellationToken).ConfigureAwait(false);
        var layout = WorkspaceLayout.Build(tasks);
        var atoms = await _repository.ListAtomsAsync(runId, null, cancellationToken).ConfigureAwait(false);
        var tally = ExecutionTally.From(await _repository.ListResultsAsync(runId, null, cancellationToken).ConfigureAwait(false));
        var plan = await _plans.GetAsync(runId, cancellationToken).ConfigureAwait(false);

        var verification = await _verification.GetOutcomeAsync(runId, cancellationToken).ConfigureAwait(false)
            ?? VerificationOutcome.NotRun("the run has no verification results");

        var models = calls.Select(c => c.Model).Where(m => !string.IsNullOrWhiteSpace(m)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var summary = new GenerationSummary
        {
            RunId = runId,
            ProjectName = masterPlan.ProjectName,
            ProjectType = masterPlan.ProjectType.ToString().ToLowerInvariant(),
            Model = models.Count == 0 ? "none" : string.Join(", ", models),
            Tasks = tasks.Count,
            TasksFailed = tasks.Count(t => t.Status is TaskStates.Failed or TaskStates.Invalid),
            Atoms = atoms.Count,
            Waves = plan?.WaveCount ?? 0,
            AtomsPassed = tally.Passed,
            AtomsRepaired = tally.Repaired,
            AtomsFailed = Math.Max(atoms.Count - tally.Passed - tally.Repaired, 0),
            Precision = tally.PrecisionOver(atoms.Count),
            Files = files,
            PathsConfined = layout.PathsConfined,
            PathsRejected = layout.PathsRejected,
            ChecksSkipped = tasks.SelectMany(t => t.ChecksSkipped).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            InstallStatus = verification.InstallStatus,
            TestsStatus = verification.TestsStatus,
            TestsPassed = verification.TestsPassed,
            TestsFailed = verification.TestsFailed,
            TestsNotRun = verification.TestsNotRun,
            SmokeStatus = verification.SmokeStatus,
            SmokeProbesPassed = verification.ProbesPassed,
            SmokeProbesFailed = verification.ProbesFailed,
            Isolation = verification.Isolation,
            Usage = usage,
            PhaseCosts = CostRollup.ByPhase(calls),
            PhaseSeconds = timings.PhaseSeconds,
            TotalSeconds = timings.TotalSeconds,
            WorkspaceZip = zipName,
        };

        await _journal.CompleteAsync(runId, summary, cancellationToken).ConfigureAwait(false);
        await _progress.PublishAsync(
            ProgressEvents.Complete(runId, summary.Tasks, summary.Atoms, summary.Waves, summary.Precision, summary.TotalSeconds, zipName, usage),
            cancellationToken).ConfigureAwait(false);
        return summary;
    }
}
