namespace Mge.Pipeline.Progress;

/// <summary>
/// Hands out the <see cref="ProgressEvent.Sequence"/> of newly published events: the UTC clock in ticks,
/// bumped by one when the clock has not moved (or went back), so values from one process strictly increase.
/// Across processes (scaled-out workers) the values follow the hosts' clocks, which is what makes them sort in
/// publication order there too, within the clocks' skew.
/// </summary>
public sealed class ProgressSequence
{
    private readonly TimeProvider _time;
    private long _last;

    public ProgressSequence(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <summary>A value greater than every value this instance returned before.</summary>
    public long Next()
    {
        while (true)
        {
            var last = Interlocked.Read(ref _last);
            var next = Math.Max(_time.GetUtcNow().UtcTicks, last + 1);
            if (Interlocked.CompareExchange(ref _last, next, last) == last)
            {
                return next;
            }
        }
    }
}
