using Microsoft.AspNetCore.SignalR;

namespace Mge.SignalRStandIn;

/// <summary>A connection's user id is its token's <c>nameid</c> claim, as in Azure SignalR Service.</summary>
internal sealed class NameIdUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) =>
        connection.User?.FindFirst(StandInAccessTokenValidator.UserIdClaim)?.Value;
}
