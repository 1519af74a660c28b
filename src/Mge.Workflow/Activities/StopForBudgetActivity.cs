using Mge.Pipeline.Runs;
using Mge.Workflow.Inputs;
using Microsoft.DurableTask;

namespace Mge.Workflow.Activities;

/// <summary>Records a run stopped at its budget cap and returns its partial summary (BudgetStop.StopAsync).</summary>
public sealed class StopForBudgetActivity(BudgetStop stop) : TaskActivity<BudgetStopRef, GenerationSummary>
{
    public override Task<GenerationSummary> RunAsync(TaskActivityContext context, BudgetStopRef input)
    {
        ArgumentNullException.ThrowIfNull(input);

        // No cancellation token from the durable SDK (see the other activities); StopAsync is idempotent.
        return stop.StopAsync(input.RunId, input.Phase, input.Reason, input.Timings, CancellationToken.None);
    }
}
