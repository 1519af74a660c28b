using Mge.Pipeline.Storage;

namespace Mge.Pipeline.Costs;

/// <summary>
/// A run's budget cap: the run's own <see cref="Domain.GenerationOptions.BudgetUsd"/> when set, else
/// <see cref="PipelineOptions.RunCapUsd"/>; 0 means no cap. What a run has spent is the sum of its journaled
/// calls, so a call answered from the journal is free and a resumed run is charged only for new calls.
/// </summary>
public sealed class RunBudget
{
    private readonly RunRepository _repository;
    private readonly CostCalculator _costs;
    private readonly PipelineOptions _options;

    public RunBudget(RunRepository repository, CostCalculator costs, PipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(costs);
        ArgumentNullException.ThrowIfNull(options);
        _repository = repository;
        _costs = costs;
        _options = options;
    }

    /// <summary>The run's cap in USD (0: none). A run that is not journaled gets the pipeline's default.</summary>
    public async Task<decimal> CapOfAsync(string runId, CancellationToken cancellationToken = default)
    {
        var run = await _repository.GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
        return run?.Options.BudgetUsd ?? _options.RunCapUsd;
    }

    /// <summary>
    /// Throws <see cref="BudgetExceededException"/> when the run's spending so far plus the estimated cost of
    /// the next call (its prompt's tokens and the expected answer, priced for <paramref name="model"/>) would pass
    /// the cap. Calls already in flight are not reserved: with several in parallel the cap can be passed by at
    /// most the cost of those calls.
    /// </summary>
    public async Task EnsureAffordableAsync(string runId, string callKey, string model, long inputTokens, long expectedOutputTokens, CancellationToken cancellationToken = default)
    {
        var cap = await CapOfAsync(runId, cancellationToken).ConfigureAwait(false);
        if (cap <= 0)
        {
            return;
        }

        var spent = (await _repository.SumCallsAsync(runId, null, cancellationToken).ConfigureAwait(false)).CostUsd;
        var estimate = _costs.Estimate(model, inputTokens, expectedOutputTokens);
        if (spent + estimate > cap)
        {
            throw new BudgetExceededException(runId, callKey, spent, estimate, cap);
        }
    }
}
