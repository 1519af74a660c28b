namespace Mge.Models.Resilience;

/// <summary>One failed model request, classified: what happened and how long the service asked to wait.</summary>
internal sealed record ModelFault(ModelFaultKind Kind, int? StatusCode, string? ErrorCode, string Description, TimeSpan? RetryAfter)
{
    public bool IsRetryable => Kind is ModelFaultKind.RateLimited or ModelFaultKind.Transient or ModelFaultKind.Timeout;
}
