using Microsoft.Extensions.Options;
using Mge.Pipeline.Costs;
using Mge.Pipeline.Storage;

namespace Mge.Pipeline.Runs;

/// <summary>
/// Ends a run that hit its budget cap cleanly: rolls the journaled calls up into the masterplan (when there is
/// one), builds the partial <see cref="GenerationSummary"/> (status "budget_exceeded", usage and per-phase costs
/// so far, no workspace) and records it with <see cref="RunJournal.StopForBudgetAsync"/>. Everything stored so far
/// stays; idempotent (recomputed from storage).
/// </summary>
public sealed class BudgetStop
{
    private readonly RunRepository _repository;
    private readonly RunJournal _journal;
    private readonly RunBudget _budget;

    public BudgetStop(RunRepository repository, RunJournal journal, CostCalculator costs, IOptions<PipelineOptions> options)
    {
        _repository = repository;
        _journal = journal;
        _budget = new RunBudget(repository, costs, options.Value);
    }

    public async Task<GenerationSummary> StopAsync(string runId, PipelinePhase phase, string reason, PhaseTimings timings, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentNullException.ThrowIfNull(timings);

        var calls = await _repository.ListCallsAsync(runId, null, cancellationToken).ConfigureAwait(false);
        var usage = UsageTotals.Sum(calls.Select(c => c.Usage));
        var cap = await _budget.CapOfAsync(runId, cancellationToken).ConfigureAwait(false);
        var masterPlan = await _repository.GetMasterPlanAsync(runId, cancellationToken).ConfigureAwait(false);
        if (masterPlan is not null)
        {
            await _repository.SaveMasterPlanAsync(runId, masterPlan with
            {
                GenerationCostUsd = usage.CostUsd,
                LlmTokensTotal = usage.TotalTokens,
            }, cancellationToken).ConfigureAwait(false);
        }

        var discovery = await _repository.GetDiscoveryAsync(runId, cancellationToken).ConfigureAwait(false);
        var tasks = await _repository.ListTasksAsync(runId, cancellationToken).ConfigureAwait(false);
        var models = calls.Select(c => c.Model).Where(m => !string.IsNullOrWhiteSpace(m)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var summary = new GenerationSummary
        {
            RunId = runId,
            ProjectName = masterPlan?.ProjectName ?? discovery?.Document.ProjectName ?? "",
            ProjectType = (masterPlan?.ProjectType ?? discovery?.ProjectType)?.ToString().ToLowerInvariant() ?? "",
            Model = models.Count == 0 ? "none" : string.Join(", ", models),
            Tasks = tasks.Count,
            TasksFailed = tasks.Count(t => t.Status is TaskStates.Failed or TaskStates.Invalid),
            Usage = usage,
            PhaseCosts = CostRollup.ByPhase(calls),
            PhaseSeconds = timings.PhaseSeconds,
            TotalSeconds = timings.TotalSeconds,
            WorkspaceZip = "",
            Status = RunStates.BudgetExceeded,
            BudgetCapUsd = cap,
        };
        await _journal.StopForBudgetAsync(runId, phase, reason, usage.CostUsd, cap, summary, cancellationToken).ConfigureAwait(false);
        return summary;
    }
}
