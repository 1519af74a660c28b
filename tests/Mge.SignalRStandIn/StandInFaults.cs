using System.Net;

namespace Mge.SignalRStandIn;

/// <summary>Counts the REST calls that passed the token check, and answers some with failures on request, to exercise a client's retries.</summary>
internal sealed class StandInFaults
{
    private readonly object _gate = new();
    private int _remaining;
    private HttpStatusCode _status;
    private TimeSpan? _retryAfter;
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public void FailNext(int count, HttpStatusCode status, TimeSpan? retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            _remaining = count;
            _status = status;
            _retryAfter = retryAfter;
        }
    }

    /// <summary>Counts one call; true when it is to be answered with the injected failure.</summary>
    public bool TryTake(out HttpStatusCode status, out TimeSpan? retryAfter)
    {
        Interlocked.Increment(ref _calls);
        lock (_gate)
        {
            status = _status;
            retryAfter = _retryAfter;
            if (_remaining == 0)
            {
                return false;
            }

            _remaining--;
            return true;
        }
    }
}
