using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Mge.Testing;

namespace Mge.Models.Tests.Replay;

/// <summary>
/// A local HTTP server (HttpListener on 127.0.0.1, a free port) that answers each request with the next recorded
/// response, in order, and keeps every request it received. Event streams are written event by event, flushed, as
/// a service streams them. A request with no recording left gets a 599 and is reported by <see cref="Unexpected"/>.
/// </summary>
internal sealed class ReplayServer : IAsyncDisposable
{
    private readonly LoopbackHttpServer _host;
    private readonly ConcurrentQueue<ReplayStep> _steps;
    private readonly ConcurrentQueue<CapturedRequest> _requests = new();
    private readonly ConcurrentQueue<string> _unexpected = new();

    public ReplayServer(params ReplayStep[] steps)
    {
        _steps = new ConcurrentQueue<ReplayStep>(steps);
        _host = new LoopbackHttpServer((context, _) => AnswerAsync(context));
    }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseAddress => _host.BaseAddress;

    public IReadOnlyList<CapturedRequest> Requests => _requests.ToArray();

    public IReadOnlyList<string> Unexpected => _unexpected.ToArray();

    public int RemainingSteps => _steps.Count;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task AnswerAsync(HttpListenerContext context)
    {
        string body;
        using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync();
        }

        _requests.Enqueue(new CapturedRequest(context.Request.HttpMethod, context.Request.Url!.PathAndQuery, context.Request.Headers, body));
        var response = context.Response;
        try
        {
            if (!_steps.TryDequeue(out var step))
            {
                _unexpected.Enqueue($"{context.Request.HttpMethod} {context.Request.Url.PathAndQuery}");
                response.StatusCode = 599;
                response.Close();
                return;
            }

            if (step.Delay > TimeSpan.Zero)
            {
                await Task.Delay(step.Delay, _host.Stopping);
            }

            await WriteAsync(response, step);
        }
        catch (Exception exception) when (exception is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The client gave up on this request (attempt timeout, cancellation) or the server is stopping: nothing to answer.
            response.Abort();
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, ReplayStep step)
    {
        var recording = step.Recording;
        response.StatusCode = recording.StatusCode;
        response.StatusDescription = recording.ReasonPhrase;
        foreach (var (name, value) in recording.Headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                response.ContentType = value;
            }
            else if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && !name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                response.AddHeader(name, value);
            }
        }

        if (recording.IsEventStream)
        {
            response.SendChunked = true;
            var written = 0;
            foreach (var sseEvent in recording.Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
            {
                if (written++ == step.BreakAfterEvents)
                {
                    // Cut the connection mid-stream, as a dropped network or a crashed server would.
                    response.Abort();
                    return;
                }

                var bytes = Encoding.UTF8.GetBytes(sseEvent + "\n\n");
                await response.OutputStream.WriteAsync(bytes);
                await response.OutputStream.FlushAsync();
            }
        }
        else
        {
            var bytes = Encoding.UTF8.GetBytes(recording.Body);
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
        }

        response.Close();
    }
}
