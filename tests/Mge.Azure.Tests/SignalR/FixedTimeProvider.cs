namespace Mge.Azure.Tests.SignalR;

/// <summary>A clock standing at a chosen instant, so token times can be asserted exactly.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
