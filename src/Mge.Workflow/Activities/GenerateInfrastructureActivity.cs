using Mge.Pipeline.Infrastructure;
using Mge.Pipeline.Runs;
using Mge.Workflow.Inputs;
using Microsoft.DurableTask;

namespace Mge.Workflow.Activities;

/// <summary>Phase 9: infrastructure files from the project type's templates (InfrastructurePhase.GenerateAsync).</summary>
public sealed class GenerateInfrastructureActivity(InfrastructurePhase phase) : TaskActivity<RunRef, InfrastructureOutcome>
{
    public override Task<InfrastructureOutcome> RunAsync(TaskActivityContext context, RunRef input)
    {
        ArgumentNullException.ThrowIfNull(input);

        // The durable SDK gives activities no cancellation token: a worker that stops abandons the work item
        // and it runs again elsewhere, which the phase's idempotent keys make safe.
        return phase.GenerateAsync(input.RunId, CancellationToken.None);
    }
}
