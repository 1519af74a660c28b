using System.Net.Http;
using System.Net.Sockets;
using Azure;

namespace Mge.Engine;

/// <summary>
/// Tells a passing storage fault (the service unreachable, timing out, throttling or answering 5xx) from a
/// real error. The Azure SDK retries a few times by itself and then throws, often an
/// <see cref="AggregateException"/> of its attempts, sometimes wrapped by the code that called it; so the
/// whole exception tree is searched.
/// </summary>
public static class AzureStorageFaults
{
    /// <summary>True when <paramref name="exception"/> (or anything inside it) is a storage fault that goes away by itself.</summary>
    public static bool IsTransient(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var pending = new Stack<Exception>();
        pending.Push(exception);
        var seen = 0;
        while (pending.Count > 0 && seen++ < 64)
        {
            var current = pending.Pop();
            switch (current)
            {
                case RequestFailedException { Status: 0 or 408 or 429 or >= 500 }:
                case HttpRequestException:
                case SocketException:
                case TimeoutException:
                    return true;
            }

            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }

        return false;
    }
}
