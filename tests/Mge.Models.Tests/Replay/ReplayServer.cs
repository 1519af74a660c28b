using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Mge.Models.Tests.Replay;

/// <summary>
/// A local HTTP server (HttpListener on 127.0.0.1, a free port) that answers each request with the next recorded
/// response, in order, and keeps every request it received. Event streams are written event by event, flushed, as
/// a service streams them. A request with no recording left gets a 599 and is reported by <see cref="Unexpected"/>.
/// </summary>
internal sealed class ReplayServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentQueue<ReplayStep> _steps;
    private readonly ConcurrentQueue<CapturedRequest> _requests = new();
    private readonly ConcurrentQueue<string> _unexpected = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ReplayServer(params ReplayStep[] steps)
    {
        _steps = new ConcurrentQueue<ReplayStep>(steps);
        (_listener, BaseAddress) = Listen();
        _loop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseAddress { get; }

    public IReadOnlyList<CapturedRequest> Requests => _requests.ToArray();

    public IReadOnlyList<string> Unexpected => _unexpected.ToArray();

    public int RemainingSteps => _steps.Count;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
            // Closing the listener ends GetContextAsync this way; the loop is over either way.
        }

        _stop.Dispose();
    }

    private static (HttpListener, Uri) Listen()
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            var prefix = $"http://127.0.0.1:{port}/";
            listener.Prefixes.Add(prefix);
            try
            {
                listener.Start();
                return (listener, new Uri(prefix));
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // Another process took the port between the probe and Start: try another one.
                listener.Close();
            }
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (HttpListenerException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (ObjectDisposedException) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

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
                await Task.Delay(step.Delay, _stop.Token);
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
