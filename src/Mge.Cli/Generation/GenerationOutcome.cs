using Mge.Pipeline.Runs;

namespace Mge.Cli.Generation;

/// <summary>
/// How a generate run ended: completed with its summary and delivered files, or failed in a phase with a
/// reason; with the task repairs seen in the progress events (the summary counts atom repairs only).
/// </summary>
public sealed record GenerationOutcome(
    string RunId,
    bool Completed,
    GenerationSummary? Summary,
    DeliveryPaths? Delivery,
    string? FailedPhase,
    string? Error,
    string StorageRoot,
    RepairReport Repairs);
