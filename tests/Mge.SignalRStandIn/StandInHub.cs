using Microsoft.AspNetCore.SignalR;

namespace Mge.SignalRStandIn;

/// <summary>
/// The hub clients connect to at "/client?hub={name}". One class serves every logical hub: the connection's
/// <c>hub</c> query parameter says which. In serverless mode clients only listen, so it has no methods; on
/// connect it puts the connection in the groups its user was added to through the REST API.
/// </summary>
internal sealed class StandInHub(StandInConnections connections) : Hub
{
    public override async Task OnConnectedAsync()
    {
        var hub = Context.GetHttpContext()?.Request.Query["hub"].ToString();
        if (string.IsNullOrEmpty(hub))
        {
            // The access check refuses such requests before they get here.
            throw new HubException("The connection names no hub (?hub=...).");
        }

        using (await connections.LockAsync(Context.ConnectionAborted).ConfigureAwait(false))
        {
            foreach (var group in connections.Connect(Context.ConnectionId, hub, Context.UserIdentifier))
            {
                await Groups.AddToGroupAsync(Context.ConnectionId, StandInConnections.GroupKey(hub, group)).ConfigureAwait(false);
            }

            connections.MarkReady(Context.ConnectionId);
        }

        await base.OnConnectedAsync().ConfigureAwait(false);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Disconnect(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception).ConfigureAwait(false);
    }
}
