using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace Mge.SignalRStandIn;

/// <summary>
/// The data-plane REST API v1 routes the stand-in serves (send to a group, a user, a connection; add or remove a
/// user or a connection in a group), answering 202 like the service and forwarding sends to the hub's clients
/// through <see cref="IHubContext{THub}"/>.
/// </summary>
internal static partial class StandInRestApi
{
    private const string Hubs = "/api/v1/hubs/{hub}";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods($"{Hubs}/groups/{{group}}", ["POST"], SendToGroupAsync);
        endpoints.MapMethods($"{Hubs}/users/{{user}}", ["POST"], SendToUserAsync);
        endpoints.MapMethods($"{Hubs}/connections/{{connectionId}}", ["POST"], SendToConnectionAsync);
        // The API has both spellings of the membership routes.
        endpoints.MapMethods($"{Hubs}/groups/{{group}}/users/{{user}}", ["PUT", "DELETE"], UserInGroupAsync);
        endpoints.MapMethods($"{Hubs}/users/{{user}}/groups/{{group}}", ["PUT", "DELETE"], UserInGroupAsync);
        endpoints.MapMethods($"{Hubs}/groups/{{group}}/connections/{{connectionId}}", ["PUT", "DELETE"], ConnectionInGroupAsync);
        endpoints.MapMethods($"{Hubs}/connections/{{connectionId}}/groups/{{group}}", ["PUT", "DELETE"], ConnectionInGroupAsync);
    }

    /// <summary>Writes an error the way clients read it: a status and a JSON body with a "message".</summary>
    public static Task WriteErrorAsync(HttpContext context, HttpStatusCode status, string message, TimeSpan? retryAfter = null)
    {
        context.Response.StatusCode = (int)status;
        if (retryAfter is { } delay)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return context.Response.WriteAsJsonAsync(new ErrorBody(status.ToString(), message));
    }

    private static async Task SendToGroupAsync(HttpContext context)
    {
        if (await ReadAsync(context) is not { } request)
        {
            return;
        }

        var hubContext = context.RequestServices.GetRequiredService<IHubContext<StandInHub>>();
        await hubContext.Clients.Group(StandInConnections.GroupKey(request.Hub, Route(context, "group")))
            .SendCoreAsync(request.Target, request.Arguments, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    private static async Task SendToUserAsync(HttpContext context)
    {
        if (await ReadAsync(context) is not { } request)
        {
            return;
        }

        var connections = context.RequestServices.GetRequiredService<StandInConnections>();
        var hubContext = context.RequestServices.GetRequiredService<IHubContext<StandInHub>>();
        // User ids are global in ASP.NET Core SignalR; the service's are per hub, so the user's connections in this hub are named.
        var targets = connections.ConnectionsOfUser(request.Hub, Route(context, "user"));
        if (targets.Count > 0)
        {
            await hubContext.Clients.Clients(targets).SendCoreAsync(request.Target, request.Arguments, context.RequestAborted);
        }

        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    private static async Task SendToConnectionAsync(HttpContext context)
    {
        if (await ReadAsync(context) is not { } request)
        {
            return;
        }

        var connectionId = Route(context, "connectionId");
        if (context.RequestServices.GetRequiredService<StandInConnections>().IsConnectedToHub(connectionId, request.Hub))
        {
            var hubContext = context.RequestServices.GetRequiredService<IHubContext<StandInHub>>();
            await hubContext.Clients.Client(connectionId).SendCoreAsync(request.Target, request.Arguments, context.RequestAborted);
        }

        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    private static async Task UserInGroupAsync(HttpContext context)
    {
        if (await HubAsync(context) is not { } hub)
        {
            return;
        }

        var group = Route(context, "group");
        var user = Route(context, "user");
        var connections = context.RequestServices.GetRequiredService<StandInConnections>();
        var groups = context.RequestServices.GetRequiredService<IHubContext<StandInHub>>().Groups;
        var adding = HttpMethods.IsPut(context.Request.Method);
        using (await connections.LockAsync(context.RequestAborted))
        {
            var current = adding ? connections.AddUserToGroup(hub, group, user) : connections.RemoveUserFromGroup(hub, group, user);
            foreach (var connectionId in current)
            {
                var task = adding
                    ? groups.AddToGroupAsync(connectionId, StandInConnections.GroupKey(hub, group), context.RequestAborted)
                    : groups.RemoveFromGroupAsync(connectionId, StandInConnections.GroupKey(hub, group), context.RequestAborted);
                await task;
            }
        }

        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    private static async Task ConnectionInGroupAsync(HttpContext context)
    {
        if (await HubAsync(context) is not { } hub)
        {
            return;
        }

        var connectionId = Route(context, "connectionId");
        var connections = context.RequestServices.GetRequiredService<StandInConnections>();
        // An unknown connection is accepted and ignored: v1 documents 202 only.
        if (connections.IsConnectedToHub(connectionId, hub))
        {
            var groups = context.RequestServices.GetRequiredService<IHubContext<StandInHub>>().Groups;
            var group = StandInConnections.GroupKey(hub, Route(context, "group"));
            await (HttpMethods.IsPut(context.Request.Method)
                ? groups.AddToGroupAsync(connectionId, group, context.RequestAborted)
                : groups.RemoveFromGroupAsync(connectionId, group, context.RequestAborted));
        }

        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    private static async Task<string?> HubAsync(HttpContext context)
    {
        var hub = Route(context, "hub");
        if (HubName().IsMatch(hub))
        {
            return hub;
        }

        await WriteErrorAsync(context, HttpStatusCode.BadRequest, $"Invalid hub name '{hub}': a letter, then letters, digits or '_'.");
        return null;
    }

    private static async Task<Message?> ReadAsync(HttpContext context)
    {
        if (await HubAsync(context) is not { } hub)
        {
            return null;
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException exception)
        {
            await WriteErrorAsync(context, HttpStatusCode.BadRequest, $"The body is not JSON: {exception.Message}");
            return null;
        }

        using (document)
        {
            string? target = null;
            object?[] arguments = [];
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (string.Equals(property.Name, "target", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
                    {
                        target = property.Value.GetString();
                    }
                    else if (string.Equals(property.Name, "arguments", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.Array)
                    {
                        arguments = [.. property.Value.EnumerateArray().Select(a => (object?)a.Clone())];
                    }
                }
            }

            if (string.IsNullOrEmpty(target))
            {
                await WriteErrorAsync(context, HttpStatusCode.BadRequest, "The body must be {\"target\": \"<method>\", \"arguments\": [...]} with a non-empty target.");
                return null;
            }

            return new Message(hub, target, arguments);
        }
    }

    // Routing decodes a path segment except for an escaped '/', which a group or user id may contain.
    private static string Route(HttpContext context, string name) =>
        (context.GetRouteValue(name)?.ToString() ?? string.Empty).Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex HubName();

    private sealed record Message(string Hub, string Target, object?[] Arguments);

    private sealed record ErrorBody(string Code, string Message);
}
