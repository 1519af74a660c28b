using System.Globalization;

namespace Mge.Pipeline.Costs;

/// <summary>
/// The next model call of a run would take its spending past the run's budget cap, so it was not made.
/// Thrown by <see cref="Prompting.ModelGateway"/> before paying; the workflow stops the run cleanly with status
/// "budget_exceeded" (everything done so far is kept) and the run can be resumed with a higher cap.
/// </summary>
public sealed class BudgetExceededException : Exception
{
    public BudgetExceededException(string runId, string callKey, decimal spentUsd, decimal estimatedCallUsd, decimal capUsd)
        : base(string.Create(CultureInfo.InvariantCulture,
            $"Budget exceeded: run '{runId}' has spent {spentUsd:0.######} USD of its {capUsd:0.######} USD cap, and the next model call '{callKey}' would cost about {estimatedCallUsd:0.######} USD. Resume the run with a higher cap to continue."))
    {
        RunId = runId;
        CallKey = callKey;
        SpentUsd = spentUsd;
        EstimatedCallUsd = estimatedCallUsd;
        CapUsd = capUsd;
    }

    public string RunId { get; }

    /// <summary>The call that was not made.</summary>
    public string CallKey { get; }

    /// <summary>What the run's journaled calls cost so far.</summary>
    public decimal SpentUsd { get; }

    public decimal EstimatedCallUsd { get; }

    public decimal CapUsd { get; }
}
