using Mge.Pipeline.Runs;
using Mge.Pipeline.Workspace;
using Mge.Workflow.Inputs;
using Microsoft.DurableTask;

namespace Mge.Workflow.Activities;

/// <summary>Phase 8: joins atoms into files at their resolved paths (FileWritingPhase.WriteAsync).</summary>
public sealed class WriteFilesActivity(FileWritingPhase phase) : TaskActivity<RunRef, FileWritingOutcome>
{
    public override Task<FileWritingOutcome> RunAsync(TaskActivityContext context, RunRef input)
    {
        ArgumentNullException.ThrowIfNull(input);

        // The durable SDK gives activities no cancellation token: a worker that stops abandons the work item
        // and it runs again elsewhere, which the phase's idempotent keys make safe.
        return phase.WriteAsync(input.RunId, CancellationToken.None);
    }
}
