using Mge.Pipeline.Runs;
using Mge.Pipeline.Waves;
using Mge.Workflow.Inputs;
using Microsoft.DurableTask;

namespace Mge.Workflow.Activities;

/// <summary>Phase 7: checks (and repairs) one batch of one wave's atoms (WaveExecutionPhase.ExecuteBatchAsync).</summary>
public sealed class ExecuteWaveBatchActivity(WaveExecutionPhase phase) : TaskActivity<WaveBatchRef, WaveBatchOutcome>
{
    public override Task<WaveBatchOutcome> RunAsync(TaskActivityContext context, WaveBatchRef input)
    {
        ArgumentNullException.ThrowIfNull(input);

        // The durable SDK gives activities no cancellation token: a worker that stops abandons the work item
        // and it runs again elsewhere, which the phase's idempotent keys make safe.
        return phase.ExecuteBatchAsync(input.RunId, input.Wave, input.Batch, input.BatchSize, CancellationToken.None);
    }
}
