namespace Mge.Models.Resilience;

/// <summary>How <see cref="ResilientChatClient"/> retries: attempts, per-attempt timeout, backoff and the longest Retry-After it honours.</summary>
public sealed record ModelResilienceOptions
{
    /// <summary>Retries after the first attempt (0 = no retry).</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>Longest wait for one attempt's answer (for streaming: for its first update); 10 ms to 24 h, or <see cref="Timeout.InfiniteTimeSpan"/>.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Backoff before the first retry when the service gives no Retry-After; doubles per retry.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of the exponential backoff.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest Retry-After honoured; a service asking for more fails the call instead of stalling the run.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Throws when a setting is out of range.</summary>
    public void Validate()
    {
        if (MaxRetries is < 0 or > 20)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, "MaxRetries must be between 0 and 20.");
        }

        // The range Polly's timeout strategy accepts.
        if (AttemptTimeout != Timeout.InfiniteTimeSpan && (AttemptTimeout < TimeSpan.FromMilliseconds(10) || AttemptTimeout > TimeSpan.FromHours(24)))
        {
            throw new ArgumentOutOfRangeException(nameof(AttemptTimeout), AttemptTimeout, "AttemptTimeout must be between 10 ms and 24 h, or infinite.");
        }

        if (BaseDelay < TimeSpan.Zero || MaxDelay < BaseDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(BaseDelay), BaseDelay, "BaseDelay must not be negative nor above MaxDelay.");
        }

        if (MaxRetryAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetryAfter), MaxRetryAfter, "MaxRetryAfter must not be negative.");
        }
    }
}
