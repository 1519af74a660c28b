namespace Mge.Models.Resilience;

/// <summary>
/// A failed attempt whose fault may be retried (429, 5xx, timeout, network, an empty stream): what the retry
/// pipeline of <see cref="ResilientChatClient"/> handles. It never leaves the client: when retrying ends, it becomes
/// <see cref="ModelRetriesExhaustedException"/>.
/// </summary>
internal sealed class RetryableFaultException : Exception
{
    public RetryableFaultException(ModelFault fault, int attempt, Exception failure)
        : base(fault.Description, failure)
    {
        Fault = fault;
        Attempt = attempt;
    }

    public ModelFault Fault { get; }

    /// <summary>The attempt that failed (1-based).</summary>
    public int Attempt { get; }
}
