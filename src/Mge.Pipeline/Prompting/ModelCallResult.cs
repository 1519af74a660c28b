using Mge.Pipeline.Costs;

namespace Mge.Pipeline.Prompting;

/// <summary>
/// The answer to one model call. <see cref="FromJournal"/> is true when the call key was already journaled and
/// the stored answer was returned without calling (and paying) the model again.
/// </summary>
public sealed record ModelCallResult(
    string CallKey,
    string Text,
    string? FinishReason,
    UsageTotals Usage,
    string Model,
    bool FromJournal,
    bool UsageEstimated,
    string ResponseBlob,
    string? PromptBlob);
