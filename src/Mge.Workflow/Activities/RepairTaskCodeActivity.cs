using Mge.Pipeline.Runs;
using Mge.Pipeline.Validation;
using Mge.Workflow.Inputs;
using Microsoft.DurableTask;

namespace Mge.Workflow.Activities;

/// <summary>Phase 4: regenerates one failing task with its errors fed back (ValidationPhase.RepairAsync).</summary>
public sealed class RepairTaskCodeActivity(ValidationPhase phase) : TaskActivity<TaskRef, TaskCodeOutcome>
{
    public override Task<TaskCodeOutcome> RunAsync(TaskActivityContext context, TaskRef input)
    {
        ArgumentNullException.ThrowIfNull(input);

        // The durable SDK gives activities no cancellation token: a worker that stops abandons the work item
        // and it runs again elsewhere, which the phase's idempotent keys make safe.
        return phase.RepairAsync(input.RunId, input.TaskNumber, input.Attempt, CancellationToken.None);
    }
}
