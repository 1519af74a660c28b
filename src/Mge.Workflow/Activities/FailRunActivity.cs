using Mge.Pipeline.Runs;
using Mge.Workflow.Inputs;
using Microsoft.DurableTask;

namespace Mge.Workflow.Activities;

/// <summary>Records a run's failure (status, phase, message, the <c>error</c> event) with RunJournal.FailAsync; returns true once recorded.</summary>
public sealed class FailRunActivity(RunJournal journal) : TaskActivity<FailureRef, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, FailureRef input)
    {
        ArgumentNullException.ThrowIfNull(input);

        // No cancellation token from the durable SDK (see the other activities); FailAsync is idempotent.
        await journal.FailAsync(input.RunId, input.Phase, input.Message, CancellationToken.None).ConfigureAwait(false);
        return true;
    }
}
