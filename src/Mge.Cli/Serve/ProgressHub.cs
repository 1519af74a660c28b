using Microsoft.AspNetCore.SignalR;

namespace Mge.Cli.Serve;

/// <summary>
/// <c>mge serve</c>'s SignalR hub at <c>/hub</c>: clients only listen (method "progress"). A connection must carry
/// an access token from <c>POST /api/negotiate</c> (query <c>access_token</c>, as SignalR clients send it on
/// WebSockets); it joins the progress group of the run the token names. Without a valid token it is closed.
/// </summary>
public sealed class ProgressHub(HubAccessTokens tokens) : Hub
{
    public const string Path = "/hub";

    public override async Task OnConnectedAsync()
    {
        var http = Context.GetHttpContext();
        var token = http?.Request.Query["access_token"].ToString();
        if (string.IsNullOrEmpty(token) && http?.Request.Headers.Authorization.ToString() is { } header
            && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            token = header["Bearer ".Length..].Trim();
        }

        if (tokens.Validate(token) is not { } grant)
        {
            Context.Abort();
            return;
        }

        if (grant.RunId is { } runId)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, HubProgressObserver.GroupFor(runId), Context.ConnectionAborted);
        }

        await base.OnConnectedAsync();
    }
}
