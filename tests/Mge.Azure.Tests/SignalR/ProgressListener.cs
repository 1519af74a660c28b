using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Mge.Azure.SignalR;

namespace Mge.Azure.Tests.SignalR;

/// <summary>
/// A real SignalR client (HubConnection) connected with a negotiate answer, collecting what arrives on the
/// "progress" method and any other method the test names.
/// </summary>
internal sealed class ProgressListener : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly Channel<(string Target, JsonElement Argument)> _received = Channel.CreateUnbounded<(string, JsonElement)>();

    private ProgressListener(HubConnection connection) => Connection = connection;

    public HubConnection Connection { get; }

    public static HubConnection Build(string url, string accessToken) =>
        new HubConnectionBuilder()
            .WithUrl(url, options => options.AccessTokenProvider = () => Task.FromResult<string?>(accessToken))
            .Build();

    public static async Task<ProgressListener> ConnectAsync(SignalRConnectionInfo info, params string[] extraTargets)
    {
        var listener = new ProgressListener(Build(info.Url, info.AccessToken));
        foreach (var target in extraTargets.Prepend(SignalRProgressObserver.Target))
        {
            listener.Connection.On<JsonElement>(target, argument => listener._received.Writer.TryWrite((target, argument)));
        }

        using var timeout = new CancellationTokenSource(Patience);
        await listener.Connection.StartAsync(timeout.Token);
        return listener;
    }

    /// <summary>The next message, waiting at most <see cref="Patience"/>.</summary>
    public async Task<(string Target, JsonElement Argument)> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            return await _received.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No SignalR message arrived within {Patience}.");
        }
    }

    /// <summary>Messages in arrival order up to and including the first that <paramref name="isLast"/> accepts.</summary>
    public async Task<List<(string Target, JsonElement Argument)>> ReceiveUntilAsync(Func<string, JsonElement, bool> isLast)
    {
        var messages = new List<(string, JsonElement)>();
        while (true)
        {
            var message = await NextAsync();
            messages.Add(message);
            if (isLast(message.Target, message.Argument))
            {
                return messages;
            }
        }
    }

    /// <summary>True when nothing is waiting to be read (everything sent so far was consumed).</summary>
    public bool IsDrained => !_received.Reader.TryPeek(out _);

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
