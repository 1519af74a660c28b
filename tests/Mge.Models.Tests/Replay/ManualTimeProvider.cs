using System.Collections.Concurrent;

namespace Mge.Models.Tests.Replay;

/// <summary>
/// A clock for the waits between retries: records every wait asked for and either ends it at once
/// (<see cref="HoldWaits"/> false) or never (true: only cancellation ends it), and reports a fixed "now" for
/// HTTP-date Retry-After values.
/// </summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _waits = new();
    private readonly TaskCompletionSource _firstWait = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ManualTimeProvider(DateTimeOffset now, bool holdWaits = false)
    {
        Now = now;
        HoldWaits = holdWaits;
    }

    public DateTimeOffset Now { get; }

    public bool HoldWaits { get; }

    public IReadOnlyList<TimeSpan> Waits => _waits.ToArray();

    /// <summary>Completes when the first wait is asked for.</summary>
    public Task FirstWait => _firstWait.Task;

    public override DateTimeOffset GetUtcNow() => Now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _waits.Enqueue(dueTime);
            _firstWait.TrySetResult();
        }

        var due = HoldWaits || dueTime == Timeout.InfiniteTimeSpan ? Timeout.InfiniteTimeSpan : TimeSpan.Zero;
        return System.CreateTimer(callback, state, due, Timeout.InfiniteTimeSpan);
    }
}
