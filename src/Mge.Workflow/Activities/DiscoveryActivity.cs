using Mge.Pipeline.Discovery;
using Mge.Pipeline.Runs;
using Mge.Workflow.Inputs;
using Microsoft.DurableTask;

namespace Mge.Workflow.Activities;

/// <summary>Phase 1: domain discovery of the run's request (DiscoveryPhase.RunAsync).</summary>
public sealed class DiscoveryActivity(DiscoveryPhase phase) : TaskActivity<RunRef, DiscoveryOutcome>
{
    public override Task<DiscoveryOutcome> RunAsync(TaskActivityContext context, RunRef input)
    {
        ArgumentNullException.ThrowIfNull(input);

        // The durable SDK gives activities no cancellation token: a worker that stops abandons the work item
        // and it runs again elsewhere, which the phase's idempotent keys make safe.
        return phase.RunAsync(input.RunId, CancellationToken.None);
    }
}
