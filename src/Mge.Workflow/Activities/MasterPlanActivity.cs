using Mge.Pipeline.Planning;
using Mge.Pipeline.Runs;
using Mge.Workflow.Inputs;
using Microsoft.DurableTask;

namespace Mge.Workflow.Activities;

/// <summary>Phase 2: the master plan and its task graph (MasterPlanPhase.RunAsync).</summary>
public sealed class MasterPlanActivity(MasterPlanPhase phase) : TaskActivity<RunRef, PlanOutline>
{
    public override Task<PlanOutline> RunAsync(TaskActivityContext context, RunRef input)
    {
        ArgumentNullException.ThrowIfNull(input);

        // The durable SDK gives activities no cancellation token: a worker that stops abandons the work item
        // and it runs again elsewhere, which the phase's idempotent keys make safe.
        return phase.RunAsync(input.RunId, CancellationToken.None);
    }
}
