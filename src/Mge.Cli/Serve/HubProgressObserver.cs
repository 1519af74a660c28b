using Mge.Azure.SignalR;
using Mge.Pipeline.Progress;
using Microsoft.AspNetCore.SignalR;

namespace Mge.Cli.Serve;

/// <summary>
/// Sends every progress event to the run's group on <see cref="ProgressHub"/>, in the message shape the Functions
/// app sends through Azure SignalR Service (<see cref="SignalRProgressObserver.ToMessage"/>: type, key, run_id,
/// timestamp, data) plus the event's <c>sequence</c>, so one page script reads both.
/// </summary>
public sealed class HubProgressObserver(IHubContext<ProgressHub> hub) : IProgressObserver
{
    public static string GroupFor(string runId) => SignalRProgressObserver.GroupFor(runId);

    public async ValueTask OnEventAsync(ProgressEvent progressEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progressEvent);
        var message = SignalRProgressObserver.ToMessage(progressEvent);
        message["sequence"] = progressEvent.Sequence;
        await hub.Clients.Group(GroupFor(progressEvent.RunId)).SendAsync(SignalRProgressObserver.Target, message, cancellationToken);
    }
}
