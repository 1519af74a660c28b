using Mge.Pipeline.Runs;
using Mge.Pipeline.Waves;
using Mge.Workflow.Inputs;
using Microsoft.DurableTask;

namespace Mge.Workflow.Activities;

/// <summary>Phase 7: closes one wave from its stored results (WaveExecutionPhase.CompleteWaveAsync).</summary>
public sealed class CompleteWaveActivity(WaveExecutionPhase phase) : TaskActivity<WaveRef, WaveBatchOutcome>
{
    public override Task<WaveBatchOutcome> RunAsync(TaskActivityContext context, WaveRef input)
    {
        ArgumentNullException.ThrowIfNull(input);

        // The durable SDK gives activities no cancellation token: a worker that stops abandons the work item
        // and it runs again elsewhere, which the phase's idempotent keys make safe.
        return phase.CompleteWaveAsync(input.RunId, input.Wave, CancellationToken.None);
    }
}
