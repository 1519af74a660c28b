using Mge.Pipeline.Waves;
using Mge.Workflow.Inputs;
using Microsoft.DurableTask;

namespace Mge.Workflow.Activities;

/// <summary>Phase 7 close: execution_complete, returns the precision (WaveExecutionPhase.CompleteAsync).</summary>
public sealed class CompleteExecutionActivity(WaveExecutionPhase phase) : TaskActivity<RunRef, double>
{
    public override Task<double> RunAsync(TaskActivityContext context, RunRef input)
    {
        ArgumentNullException.ThrowIfNull(input);

        // The durable SDK gives activities no cancellation token: a worker that stops abandons the work item
        // and it runs again elsewhere, which the phase's idempotent keys make safe.
        return phase.CompleteAsync(input.RunId, CancellationToken.None);
    }
}
