using Mge.Pipeline.Runs;

namespace Mge.Cli.Generation;

/// <summary>How a generate run ended: completed with its summary and delivered files, or failed in a phase with a reason.</summary>
public sealed record GenerationOutcome(
    string RunId,
    bool Completed,
    GenerationSummary? Summary,
    DeliveryPaths? Delivery,
    string? FailedPhase,
    string? Error,
    string StorageRoot);
