namespace Mge.Pipeline.Runs;

/// <summary>The phases of a run, in order; the ordinal prefixes progress-event keys.</summary>
public enum PipelinePhase
{
    Discovery = 1,
    MasterPlan = 2,
    CodeGeneration = 3,
    Validation = 4,
    Atomization = 5,
    WavePlanning = 6,
    WaveExecution = 7,
    FileWriting = 8,
    Infrastructure = 9,
    Verification = 10,
    Delivery = 11,
}
