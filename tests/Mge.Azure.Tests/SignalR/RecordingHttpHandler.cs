using System.Net;

namespace Mge.Azure.Tests.SignalR;

/// <summary>
/// An HTTP handler that records each request (method, URL, bearer token, body) and answers from a script:
/// one entry per request, the last repeated when the script runs out.
/// </summary>
internal sealed class RecordingHttpHandler : HttpMessageHandler
{
    private readonly List<Func<HttpResponseMessage>> _script;
    private readonly object _gate = new();

    public RecordingHttpHandler(params Func<HttpResponseMessage>[] script)
    {
        _script = script.Length == 0 ? [() => new HttpResponseMessage(HttpStatusCode.Accepted)] : [.. script];
    }

    public List<RecordedRequest> Requests { get; } = [];

    public static Func<HttpResponseMessage> Status(HttpStatusCode status, string? body = null, TimeSpan? retryAfter = null) => () =>
    {
        var response = new HttpResponseMessage(status);
        if (body is not null)
        {
            response.Content = new StringContent(body);
        }

        if (retryAfter is { } delay)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(delay);
        }

        return response;
    };

    public static Func<HttpResponseMessage> Unreachable() => () => throw new HttpRequestException("Connection refused (test)");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Func<HttpResponseMessage> next;
        lock (_gate)
        {
            Requests.Add(new RecordedRequest(request.Method.Method, request.RequestUri!, request.Headers.Authorization?.Scheme, request.Headers.Authorization?.Parameter, body));
            next = _script[Math.Min(Requests.Count - 1, _script.Count - 1)];
        }

        return next();
    }

    public sealed record RecordedRequest(string Method, Uri Url, string? AuthScheme, string? Token, string? Body);
}
