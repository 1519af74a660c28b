using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace Mge.SignalRStandIn;

/// <summary>
/// Azure SignalR Service in serverless mode, in-process for tests, on 127.0.0.1 and a free port: the data-plane
/// REST API v1 (sends to groups, users, connections; user and connection group membership), checked with
/// access-key tokens like the service (401 for a missing, wrongly signed, expired or wrong-audience token), and a
/// real ASP.NET Core SignalR hub at "/client?hub={name}" that SignalR clients connect to with a negotiate token
/// (its <c>nameid</c> claim is the user id). Start with <see cref="StartAsync"/>, dispose to stop.
/// </summary>
public sealed class SignalRStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StandInConnections _connections;
    private readonly StandInFaults _faults;

    private SignalRStandIn(WebApplication app, string accessKey, string endpoint)
    {
        _app = app;
        AccessKey = accessKey;
        EndpointText = endpoint;
        Endpoint = new Uri(endpoint);
        _connections = app.Services.GetRequiredService<StandInConnections>();
        _faults = app.Services.GetRequiredService<StandInFaults>();
    }

    /// <summary>The key tokens must be signed with.</summary>
    public string AccessKey { get; }

    /// <summary>"http://127.0.0.1:{port}".</summary>
    public Uri Endpoint { get; }

    /// <summary>The endpoint as a connection string writes it (no trailing slash).</summary>
    public string EndpointText { get; }

    /// <summary>"Endpoint=http://127.0.0.1:{port};AccessKey={key};Version=1.0;".</summary>
    public string ConnectionString => $"Endpoint={EndpointText};AccessKey={AccessKey};Version=1.0;";

    /// <summary>REST calls that passed the token check so far (including those answered with an injected failure).</summary>
    public int RestCallCount => _faults.Calls;

    /// <summary>Starts the stand-in on 127.0.0.1 with a port the system picks.</summary>
    public static async Task<SignalRStandIn> StartAsync(string accessKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessKey);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(SignalRStandIn).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.AddLogging();
        builder.Services.AddRouting();
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<IUserIdProvider, NameIdUserIdProvider>();
        builder.Services.AddSingleton<StandInConnections>();
        builder.Services.AddSingleton<StandInFaults>();
        builder.Services.AddSingleton(new StandInAccessTokenValidator(accessKey));

        var app = builder.Build();
        app.Use(CheckAccessAsync);
        StandInRestApi.Map(app);
        app.MapHub<StandInHub>("/client");

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The SignalR stand-in started without an address.");
        return new SignalRStandIn(app, accessKey, address.TrimEnd('/'));
    }

    /// <summary>Answers the next <paramref name="count"/> REST calls with <paramref name="status"/> (and Retry-After, if given).</summary>
    public void FailNextRestCalls(int count, HttpStatusCode status, TimeSpan? retryAfter = null) => _faults.FailNext(count, status, retryAfter);

    /// <summary>
    /// Waits until <paramref name="userId"/> has at least <paramref name="count"/> connections to
    /// <paramref name="hub"/> that have joined their groups. A client's StartAsync returns once the handshake is
    /// done, a moment before the service side has finished connecting it; a test waits here before sending.
    /// </summary>
    public async Task WaitForUserConnectionsAsync(string hub, string userId, int count, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _connections.WaitForUserConnectionsAsync(hub, userId, count, cancellation.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw new TimeoutException($"User '{userId}' did not get {count} connection(s) to hub '{hub}' within {timeout}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task CheckAccessAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path;
        var isRest = path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
        var isClient = path.StartsWithSegments("/client", StringComparison.OrdinalIgnoreCase);
        if (!isRest && !isClient)
        {
            await StandInRestApi.WriteErrorAsync(context, HttpStatusCode.NotFound, $"No such route: {path}.");
            return;
        }

        if (isClient && string.IsNullOrEmpty(context.Request.Query["hub"]))
        {
            await StandInRestApi.WriteErrorAsync(context, HttpStatusCode.BadRequest, "A client connection must name its hub: /client/?hub=<name>.");
            return;
        }

        var validator = context.RequestServices.GetRequiredService<StandInAccessTokenValidator>();
        var (identity, error) = await validator.ValidateAsync(TokenOf(context.Request, isClient), context.Request, isClient);
        if (identity is null)
        {
            await StandInRestApi.WriteErrorAsync(context, HttpStatusCode.Unauthorized, error ?? "Unauthorized.");
            return;
        }

        context.User = new ClaimsPrincipal(identity);
        if (isRest)
        {
            if (context.RequestServices.GetRequiredService<StandInFaults>().TryTake(out var status, out var retryAfter))
            {
                await StandInRestApi.WriteErrorAsync(context, status, "Injected failure.", retryAfter);
                return;
            }
        }

        await next(context);
    }

    // Clients send the token as a header; browsers' WebSockets can only put it in the query, so the hub takes both.
    private static string? TokenOf(HttpRequest request, bool isClient)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        return isClient ? request.Query["access_token"].ToString() : null;
    }
}
