using Mge.Pipeline.Atomization;
using Mge.Pipeline.Runs;
using Mge.Workflow.Inputs;
using Microsoft.DurableTask;

namespace Mge.Workflow.Activities;

/// <summary>Phase 5: splits a batch of tasks' code into atoms (AtomizationPhase.AtomizeAsync).</summary>
public sealed class AtomizeTasksActivity(AtomizationPhase phase) : TaskActivity<TaskBatchRef, AtomizationOutcome>
{
    public override Task<AtomizationOutcome> RunAsync(TaskActivityContext context, TaskBatchRef input)
    {
        ArgumentNullException.ThrowIfNull(input);

        // The durable SDK gives activities no cancellation token: a worker that stops abandons the work item
        // and it runs again elsewhere, which the phase's idempotent keys make safe.
        return phase.AtomizeAsync(input.RunId, input.TaskNumbers, CancellationToken.None);
    }
}
