using Mge.Pipeline.Runs;
using Mge.Pipeline.Waves;
using Mge.Workflow.Inputs;
using Microsoft.DurableTask;

namespace Mge.Workflow.Activities;

/// <summary>Phase 6: the atom dependency graph and its waves (WavePlanningPhase.PlanAsync).</summary>
public sealed class PlanWavesActivity(WavePlanningPhase phase) : TaskActivity<WavePlanRef, WavePlanOutline>
{
    public override Task<WavePlanOutline> RunAsync(TaskActivityContext context, WavePlanRef input)
    {
        ArgumentNullException.ThrowIfNull(input);

        // The durable SDK gives activities no cancellation token: a worker that stops abandons the work item
        // and it runs again elsewhere, which the phase's idempotent keys make safe.
        return phase.PlanAsync(input.RunId, input.MaxWaveSize, CancellationToken.None);
    }
}
