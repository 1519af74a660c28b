using Mge.Pipeline.Delivery;
using Mge.Pipeline.Runs;
using Mge.Workflow.Inputs;
using Microsoft.DurableTask;

namespace Mge.Workflow.Activities;

/// <summary>Phase 10: zips the workspace and returns the run's summary (DeliveryPhase.PackageAsync).</summary>
public sealed class DeliverWorkspaceActivity(DeliveryPhase phase) : TaskActivity<DeliveryRef, GenerationSummary>
{
    public override Task<GenerationSummary> RunAsync(TaskActivityContext context, DeliveryRef input)
    {
        ArgumentNullException.ThrowIfNull(input);

        // The durable SDK gives activities no cancellation token: a worker that stops abandons the work item
        // and it runs again elsewhere, which the phase's idempotent keys make safe.
        return phase.PackageAsync(input.RunId, input.Timings, CancellationToken.None);
    }
}
