using Mge.Pipeline.CodeGeneration;
using Mge.Pipeline.Costs;
using Mge.Workflow.Inputs;
using Microsoft.DurableTask;

namespace Mge.Workflow.Activities;

/// <summary>Phase 3 close: code_generation_complete and the cost roll-up (CodeGenerationPhase.CompleteAsync).</summary>
public sealed class CompleteCodeGenerationActivity(CodeGenerationPhase phase) : TaskActivity<RunRef, UsageTotals>
{
    public override Task<UsageTotals> RunAsync(TaskActivityContext context, RunRef input)
    {
        ArgumentNullException.ThrowIfNull(input);

        // The durable SDK gives activities no cancellation token: a worker that stops abandons the work item
        // and it runs again elsewhere, which the phase's idempotent keys make safe.
        return phase.CompleteAsync(input.RunId, CancellationToken.None);
    }
}
