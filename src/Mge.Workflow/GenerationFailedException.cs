using Mge.Pipeline.Runs;

namespace Mge.Workflow;

/// <summary>
/// Ends a run's orchestration after the failure has been recorded in the run journal; the message is the
/// one the journal holds (the failed activity's message, or the workflow's own reason), so the
/// orchestration's failure details and the run record say the same thing.
/// </summary>
public sealed class GenerationFailedException : Exception
{
    public GenerationFailedException(PipelinePhase phase, string message)
        : base(message)
    {
        Phase = phase;
    }

    public PipelinePhase Phase { get; }
}
