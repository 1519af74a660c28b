using System.Text.Json.Nodes;

namespace Mge.Pipeline.Progress;

/// <summary>
/// One progress event of the seed's catalogue (<c>discovery_generation_start</c>, ...,
/// <c>complete</c>), with its data fields in snake_case. <see cref="Key"/> is deterministic
/// (phase ordinal, type and subject, e.g. "03-code_generation_progress-0007"), so a re-run
/// activity overwrites rather than duplicates, and sorting by key replays a run in order.
/// </summary>
public sealed record ProgressEvent(string RunId, string Key, string Type, DateTimeOffset Timestamp, JsonObject Data)
{
    /// <summary>
    /// Publication order, assigned by <see cref="ProgressPublisher"/> when the event's key is first published
    /// (a <see cref="ProgressSequence"/> value) and kept when the same key is published again; 0 until then.
    /// Catch-up readers use it as their cursor ("events after N"), because keys sort by phase, not by time.
    /// </summary>
    public long Sequence { get; init; }
}
