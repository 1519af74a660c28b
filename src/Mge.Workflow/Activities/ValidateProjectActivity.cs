using Mge.Pipeline.Runs;
using Mge.Pipeline.Validation;
using Mge.Workflow.Inputs;
using Microsoft.DurableTask;

namespace Mge.Workflow.Activities;

/// <summary>Phase 4: validates the whole project and names the failing tasks (ValidationPhase.ValidateAsync).</summary>
public sealed class ValidateProjectActivity(ValidationPhase phase) : TaskActivity<RunRef, ValidationOutcome>
{
    public override Task<ValidationOutcome> RunAsync(TaskActivityContext context, RunRef input)
    {
        ArgumentNullException.ThrowIfNull(input);

        // The durable SDK gives activities no cancellation token: a worker that stops abandons the work item
        // and it runs again elsewhere, which the phase's idempotent keys make safe.
        return phase.ValidateAsync(input.RunId, CancellationToken.None);
    }
}
