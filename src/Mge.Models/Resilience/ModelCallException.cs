namespace Mge.Models.Resilience;

/// <summary>
/// A model call that failed for a reason retrying does not fix (bad request, authentication, missing deployment),
/// or the base of the more specific <see cref="ModelRefusedException"/> and <see cref="ModelRetriesExhaustedException"/>.
/// Carries the service's HTTP status and error code when it answered at all.
/// </summary>
public class ModelCallException : Exception
{
    public ModelCallException(string message, int? statusCode = null, string? errorCode = null, int attempts = 1, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        Attempts = attempts;
    }

    /// <summary>The HTTP status the service answered with; null when no answer came (network failure, timeout).</summary>
    public int? StatusCode { get; }

    /// <summary>The service's error code ("content_filter", "rate_limit_exceeded", "DeploymentNotFound"), when it sent one.</summary>
    public string? ErrorCode { get; }

    /// <summary>How many requests were sent for this call, the first included.</summary>
    public int Attempts { get; }
}
