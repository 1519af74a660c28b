namespace Mge.Pipeline.Costs;

/// <summary>
/// Decides when a streamed answer's token count is worth reporting: once at least <see cref="TokenStep"/> more
/// tokens arrived since the last report, or <see cref="Interval"/> passed with some new tokens. Keeps the
/// *_tokens_progress events to a trickle however small the provider's chunks are.
/// </summary>
public sealed class TokenProgressThrottle
{
    public const int DefaultTokenStep = 64;

    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(250);

    private readonly TimeProvider _time;
    private long _lastTokens;
    private long _lastTimestamp;

    public TokenProgressThrottle(TimeProvider time, int tokenStep = DefaultTokenStep, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(tokenStep, 1);
        _time = time;
        TokenStep = tokenStep;
        Interval = interval ?? DefaultInterval;
        _lastTimestamp = time.GetTimestamp();
    }

    public int TokenStep { get; }

    public TimeSpan Interval { get; }

    /// <summary>True when <paramref name="tokensReceived"/> should be reported now (and remembers it as reported).</summary>
    public bool ShouldReport(long tokensReceived)
    {
        if (tokensReceived <= _lastTokens)
        {
            return false;
        }

        var now = _time.GetTimestamp();
        if (tokensReceived - _lastTokens < TokenStep && _time.GetElapsedTime(_lastTimestamp, now) < Interval)
        {
            return false;
        }

        _lastTokens = tokensReceived;
        _lastTimestamp = now;
        return true;
    }
}
