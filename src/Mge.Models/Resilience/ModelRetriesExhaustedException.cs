namespace Mge.Models.Resilience;

/// <summary>
/// Every attempt of a model call failed with a retryable fault (429, 5xx, timeout, network) and the retry budget
/// (Mge:Model:MaxRetries) is spent, or the service asked to wait longer than Mge:Model:MaxRetryAfter.
/// The inner exception is the last attempt's failure.
/// </summary>
public sealed class ModelRetriesExhaustedException : ModelCallException
{
    public ModelRetriesExhaustedException(string message, int attempts, int? statusCode, string? errorCode, Exception? innerException)
        : base(message, statusCode, errorCode, attempts, innerException)
    {
    }
}
