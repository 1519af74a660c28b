using System.Globalization;

namespace Mge.Models.Resilience;

/// <summary>
/// Reads how long a service asked the client to wait: <c>retry-after-ms</c> / <c>x-ms-retry-after-ms</c>
/// (milliseconds, Azure OpenAI) first because they are the most precise, then <c>Retry-After</c> as delta-seconds
/// or an HTTP-date (RFC 9110 §10.2.3).
/// </summary>
internal static class RetryAfterParser
{
    private static readonly string[] MillisecondHeaders = ["retry-after-ms", "x-ms-retry-after-ms"];

    /// <summary>The wait the headers ask for, never negative; null when no header says it or none parses.</summary>
    public static TimeSpan? Parse(Func<string, string?> header, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(header);
        foreach (var name in MillisecondHeaders)
        {
            var value = header(name)?.Trim();
            if (!string.IsNullOrEmpty(value)
                && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds)
                && double.IsFinite(milliseconds) && milliseconds >= 0)
            {
                return TimeSpan.FromMilliseconds(milliseconds);
            }
        }

        var retryAfter = header("Retry-After")?.Trim();
        if (string.IsNullOrEmpty(retryAfter))
        {
            return null;
        }

        if (double.TryParse(retryAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return double.IsFinite(seconds) && seconds >= 0 ? TimeSpan.FromSeconds(seconds) : null;
        }

        if (DateTimeOffset.TryParseExact(retryAfter, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            || DateTimeOffset.TryParse(retryAfter, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date))
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
