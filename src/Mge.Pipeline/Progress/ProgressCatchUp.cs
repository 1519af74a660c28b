namespace Mge.Pipeline.Progress;

/// <summary>
/// What a client that connects late (or polls) reads: the stored events of a run in publication order
/// (<see cref="ProgressEvent.Sequence"/>, then key for events stored before sequences existed), those after a
/// cursor, at most a page of them, and the cursor to ask with next time.
/// </summary>
public static class ProgressCatchUp
{
    /// <summary>The largest page one read returns.</summary>
    public const int MaxPageSize = 1_000;

    /// <param name="events">A run's stored events, in any order.</param>
    /// <param name="after">The cursor: only events with a larger sequence are returned (0 for all, unsequenced ones included).</param>
    /// <param name="limit">Page size, 1..<see cref="MaxPageSize"/>.</param>
    public static ProgressPage After(IEnumerable<ProgressEvent> events, long after, int limit = MaxPageSize)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPageSize);

        var ordered = events
            .Where(e => after == 0 || e.Sequence > after)
            .OrderBy(e => e.Sequence)
            .ThenBy(e => e.Key, StringComparer.Ordinal)
            .ToList();
        var page = ordered.Take(limit).ToList();
        var next = page.Count == 0 ? after : page[^1].Sequence;
        return new ProgressPage(page, next, ordered.Count > page.Count);
    }
}
