namespace Mge.Azure.SignalR;

/// <summary>
/// How <see cref="SignalRRestClient"/> retries a call the service may accept later (429, 5xx, no answer): at most
/// <see cref="MaxRetries"/> more sends, waiting <see cref="BaseDelay"/> doubled per retry (with up to 20 % random
/// spread so many senders do not retry in step), or the service's Retry-After when longer, never more than
/// <see cref="MaxDelay"/>.
/// </summary>
public sealed record SignalRRetryPolicy(int MaxRetries, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    /// <summary>3 retries from 200 ms, at most 5 s apart: a progress event gives up after about 1.5 s of waiting.</summary>
    public static SignalRRetryPolicy Default { get; } = new(3, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));

    /// <summary>Send once, never retry.</summary>
    public static SignalRRetryPolicy None { get; } = new(0, TimeSpan.Zero, TimeSpan.Zero);

    public void Validate()
    {
        if (MaxRetries < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, "SignalR MaxRetries must be 0 or more.");
        }

        if (BaseDelay < TimeSpan.Zero || MaxDelay < BaseDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(BaseDelay), BaseDelay,
                $"SignalR retry delays must satisfy 0 <= BaseDelay <= MaxDelay (MaxDelay is {MaxDelay}).");
        }
    }

    /// <summary>The wait before retry number <paramref name="retry"/> (1-based).</summary>
    /// <param name="retryAfter">The service's Retry-After, when it sent one.</param>
    public TimeSpan DelayBefore(int retry, TimeSpan? retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var exponential = BaseDelay * Math.Pow(2, Math.Min(retry - 1, 20));
        var spread = exponential * (0.8 + (0.2 * Random.Shared.NextDouble()));
        var wait = retryAfter is { } requested && requested > spread ? requested : spread;
        return wait > MaxDelay ? MaxDelay : wait;
    }
}
