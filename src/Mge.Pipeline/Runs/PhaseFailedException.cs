namespace Mge.Pipeline.Runs;

/// <summary>
/// A phase cannot go on for a reason the user can act on (no entities found, a plan with no tasks, ...).
/// The message is written for the user; the workflow records it with <see cref="RunJournal.FailAsync"/>.
/// </summary>
public sealed class PhaseFailedException : Exception
{
    public PhaseFailedException(PipelinePhase phase, string message)
        : base(message)
    {
        Phase = phase;
    }

    public PipelinePhase Phase { get; }
}
