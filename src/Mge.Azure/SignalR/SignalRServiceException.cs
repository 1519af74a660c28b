using System.Net;

namespace Mge.Azure.SignalR;

/// <summary>
/// A call to Azure SignalR Service's REST API that did not succeed: the service answered with a non-success status
/// (<see cref="StatusCode"/>, <see cref="ServiceMessage"/>), after any retries, or could not be reached at all
/// (<see cref="StatusCode"/> null, the transport error as the inner exception). The one failure type of
/// <see cref="SignalRRestClient"/>; it never carries the access token.
/// </summary>
public sealed class SignalRServiceException : Exception
{
    public SignalRServiceException(string method, string path, HttpStatusCode? statusCode, string? serviceMessage, int attempts, Exception? innerException = null)
        : base(Describe(method, path, statusCode, serviceMessage, attempts, innerException), innerException)
    {
        Method = method;
        Path = path;
        StatusCode = statusCode;
        ServiceMessage = serviceMessage;
        Attempts = attempts;
    }

    /// <summary>The HTTP method of the failed call ("POST", "PUT", "DELETE").</summary>
    public string Method { get; }

    /// <summary>The request path ("/api/v1/hubs/mge/groups/run-1"), without the endpoint or the token.</summary>
    public string Path { get; }

    /// <summary>The service's status code; null when no answer came (connection refused, timeout).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The service's error text (its JSON "message" when it sent one, otherwise the body), if any.</summary>
    public string? ServiceMessage { get; }

    /// <summary>How many times the call was sent before giving up.</summary>
    public int Attempts { get; }

    private static string Describe(string method, string path, HttpStatusCode? statusCode, string? serviceMessage, int attempts, Exception? innerException)
    {
        var tries = attempts == 1 ? "1 attempt" : $"{attempts} attempts";
        var outcome = statusCode is { } status
            ? $"answered {(int)status} {status}"
            : $"could not be reached ({innerException?.Message ?? "no response"})";
        var message = string.IsNullOrWhiteSpace(serviceMessage) ? string.Empty : $": {serviceMessage}";
        return $"Azure SignalR Service {method} {path} {outcome} after {tries}{message}";
    }
}
