using System.Globalization;
using System.Text.Json.Nodes;
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

    public SignalRProgressObserver(SignalRRestClient client, IOptions<SignalROptions> options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _hub = options.Value.Hub;
    }

    public async ValueTask OnEventAsync(ProgressEvent progressEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progressEvent);
        await _client.SendToGroupAsync(_hub, GroupFor(progressEvent.RunId), Target, [ToMessage(progressEvent)], cancellationToken)
            .ConfigureAwait(false);
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
