using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Mge.Pipeline.Progress;

namespace Mge.Azure.SignalR;

/// <summary>
/// Sends every progress event live to the clients following its run: Azure SignalR Service group = the run id,
/// client method <see cref="Target"/>, one argument <c>{type, key, run_id, timestamp, data}</c>. A failure
/// throws <see cref="SignalRServiceException"/>; the pipeline's publisher logs it and carries on (the event is
/// already stored for catch-up).
/// </summary>
public sealed class SignalRProgressObserver : IProgressObserver
{
    /// <summary>The client method progress events invoke: <c>connection.on("progress", e => ...)</c>.</summary>
    public const string Target = "progress";

    private readonly SignalRRestClient _client;
    private readonly string _hub;
    private readonly TimeSpan _pauseAfterFailure;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private long _pausedUntilTicks;

    public SignalRProgressObserver(
        SignalRRestClient client,
        IOptions<SignalROptions> options,
        TimeProvider? timeProvider = null,
        ILogger<SignalRProgressObserver>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _hub = options.Value.Hub;
        _pauseAfterFailure = options.Value.PauseAfterFailure;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<SignalRProgressObserver>.Instance;
    }

    public async ValueTask OnEventAsync(ProgressEvent progressEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progressEvent);
        var now = _timeProvider.GetUtcNow().UtcTicks;
        if (now < Interlocked.Read(ref _pausedUntilTicks))
        {
            _logger.LogDebug("SignalR progress paused after a failure; event {Key} of run {RunId} not sent live", progressEvent.Key, progressEvent.RunId);
            return;
        }

        try
        {
            await _client.SendToGroupAsync(_hub, GroupFor(progressEvent.RunId), Target, [ToMessage(progressEvent)], cancellationToken)
                .ConfigureAwait(false);
        }
        catch (SignalRServiceException) when (_pauseAfterFailure > TimeSpan.Zero)
        {
            Interlocked.Exchange(ref _pausedUntilTicks, now + _pauseAfterFailure.Ticks);
            _logger.LogWarning("SignalR progress paused for {PauseSeconds} s after a failed send; events stay stored for catch-up",
                (int)_pauseAfterFailure.TotalSeconds);
            throw;
        }
    }

    /// <summary>The group a run's events go to (and that <see cref="SignalRNegotiator"/> puts a run's followers in).</summary>
    public static string GroupFor(string runId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        return runId;
    }

    /// <summary>The event as the client receives it: snake_case fields, ISO 8601 timestamp, the data as the seed names it.</summary>
    public static JsonObject ToMessage(ProgressEvent progressEvent)
    {
        ArgumentNullException.ThrowIfNull(progressEvent);
        return new JsonObject
        {
            ["type"] = progressEvent.Type,
            ["key"] = progressEvent.Key,
            ["run_id"] = progressEvent.RunId,
            ["timestamp"] = progressEvent.Timestamp.ToString("O", CultureInfo.InvariantCulture),
            // A JSON node has one parent: the event keeps its own data.
            ["data"] = progressEvent.Data.DeepClone(),
        };
    }
}
