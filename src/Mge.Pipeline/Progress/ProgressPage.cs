namespace Mge.Pipeline.Progress;

/// <summary>One page of catch-up events: the events in publication order, the cursor for the next read, and whether more are waiting.</summary>
public sealed record ProgressPage(IReadOnlyList<ProgressEvent> Events, long Next, bool More);
