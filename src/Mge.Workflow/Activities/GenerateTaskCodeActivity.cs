using Mge.Pipeline.CodeGeneration;
using Mge.Pipeline.Runs;
using Mge.Workflow.Inputs;
using Microsoft.DurableTask;

namespace Mge.Workflow.Activities;

/// <summary>Phase 3: one task's code from the model (CodeGenerationPhase.GenerateAsync).</summary>
public sealed class GenerateTaskCodeActivity(CodeGenerationPhase phase) : TaskActivity<TaskRef, TaskCodeOutcome>
{
    public override Task<TaskCodeOutcome> RunAsync(TaskActivityContext context, TaskRef input)
    {
        ArgumentNullException.ThrowIfNull(input);

        // The durable SDK gives activities no cancellation token: a worker that stops abandons the work item
        // and it runs again elsewhere, which the phase's idempotent keys make safe.
        return phase.GenerateAsync(input.RunId, input.TaskNumber, CancellationToken.None);
    }
}
