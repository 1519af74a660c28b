using Mge.Pipeline.Atomization;
using Mge.Workflow.Inputs;
using Microsoft.DurableTask;

namespace Mge.Workflow.Activities;

/// <summary>Phase 5 close: atomization_complete, returns the run's atom count (AtomizationPhase.CompleteAsync).</summary>
public sealed class CompleteAtomizationActivity(AtomizationPhase phase) : TaskActivity<RunRef, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, RunRef input)
    {
        ArgumentNullException.ThrowIfNull(input);

        // The durable SDK gives activities no cancellation token: a worker that stops abandons the work item
        // and it runs again elsewhere, which the phase's idempotent keys make safe.
        return phase.CompleteAsync(input.RunId, CancellationToken.None);
    }
}
