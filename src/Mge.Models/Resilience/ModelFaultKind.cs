namespace Mge.Models.Resilience;

/// <summary>How a failed model request is handled.</summary>
internal enum ModelFaultKind
{
    /// <summary>HTTP 429: wait as long as the service asks (Retry-After), else back off, then retry.</summary>
    RateLimited,

    /// <summary>HTTP 408/5xx or a network failure: back off and retry.</summary>
    Transient,

    /// <summary>The attempt took longer than the attempt timeout: retry.</summary>
    Timeout,

    /// <summary>Content filter refusal: fail at once with <see cref="ModelRefusedException"/>.</summary>
    Refused,

    /// <summary>Any other HTTP error (400, 401, 403, 404...): fail at once with <see cref="ModelCallException"/>.</summary>
    Permanent,
}
