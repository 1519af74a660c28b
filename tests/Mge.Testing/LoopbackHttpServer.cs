using System.Net;
using System.Net.Sockets;

namespace Mge.Testing;

/// <summary>
/// An HttpListener on 127.0.0.1 at a free port that hands every request to a handler on its own task, and stops
/// cleanly. The hosting part of the tests' fake HTTP services (recorded replays, a chat completions server):
/// they decide what to answer, this decides nothing.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<HttpListenerContext, CancellationToken, Task> _handle;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    /// <param name="handle">Answers one request; the token is cancelled when the server stops.</param>
    public LoopbackHttpServer(Func<HttpListenerContext, CancellationToken, Task> handle)
    {
        _handle = handle;
        (_listener, BaseAddress) = Listen();
        _loop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseAddress { get; }

    /// <summary>Cancelled when the server stops.</summary>
    public CancellationToken Stopping => _stop.Token;

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
            var port = FreePorts.Next();
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
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException && _stop.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => _handle(context, _stop.Token));
        }
    }
}
