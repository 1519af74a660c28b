using System.Globalization;
using System.Net;
using Mge.Api;
using Mge.Api.Http;
using Mge.Api.Web;
using Mge.Azure;
using Mge.Azure.Storage;
using Mge.Cli.Hosting;
using Mge.Cli.Runs;
using Mge.Cli.Terminal;
using Mge.Engine;
using Mge.Models;
using Mge.Pipeline;
using Mge.Pipeline.Chat;
using Mge.Pipeline.Progress;
using Mge.Workflow;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mge.Cli.Serve;

/// <summary>
/// The local server behind <c>mge serve</c>: Kestrel on 127.0.0.1 with the Functions app's HTTP API (the same
/// Mge.Api handlers on the same /api routes), a SignalR hub carrying progress to a group per run, and the web page
/// at <c>/</c> (and <c>/api/ui/</c>, as in the Functions app). Generations run on the embedded engine: in memory
/// with local files under &lt;out&gt;/.mge, or over Azure Storage/Azurite with --storage. The model comes from
/// "Mge:Model" (the offline model unless configured; Mge:Model:Offline:SimulatedLatency slows it down to watch).
/// </summary>
public sealed class ServeHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private ServeHost(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    /// <summary>The server's root URL (http://127.0.0.1:PORT/).</summary>
    public Uri Address { get; }

    /// <summary>The server's services (the run repository, the engine), for tests and diagnostics.</summary>
    public IServiceProvider Services => app.Services;

    /// <summary>Builds and starts the server; returns once it listens.</summary>
    public static async Task<ServeHost> StartAsync(ServeSettings settings, IConfiguration configuration, CliEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(ServeHost).Assembly.GetName().Name, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddConfiguration(configuration);
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, settings.Port));
        builder.Logging.AddMgeLocalLogging(settings.Storage, environment.Error);

        AddServices(builder.Services, configuration, settings.Storage);
        var app = builder.Build();
        MapRoutes(app);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel started without an address.");
        return new ServeHost(app, new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/"));
    }

    /// <summary>Waits until the server is stopped (Ctrl+C cancels <paramref name="cancellationToken"/>).</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => Microsoft.Extensions.Hosting.HostingAbstractionsHostExtensions.WaitForShutdownAsync(app, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }

    private static void AddServices(IServiceCollection services, IConfiguration configuration, RunStorage storage)
    {
        services.AddMgeLocalHost(configuration, storage);
        services.AddMgeChat();
        services.AddSignalR();
        // The handlers answer with IActionResult: MVC core provides their executors (JSON, file, redirect).
        services.AddMvcCore();
        services.AddSingleton<HubAccessTokens>();
        services.AddSingleton<IProgressObserver, HubProgressObserver>();
        services.AddSingleton<IProgressNegotiator, LocalHubNegotiator>();
        services.AddSingleton<IWorkspaceArchives, BlobStoreWorkspaceArchives>();
        services.AddMgeApi();
        services.AddHostedService<EngineLifetime>();
    }

    private static void MapRoutes(WebApplication app)
    {
        var api = app.MapGroup("/api");
        api.MapPost("/projects", (HttpContext http, StartGenerationHandler handler, DurableTaskClient client) =>
            ExecuteAsync(http, handler.HandleAsync(http.Request, client, http.RequestAborted)));
        api.MapGet("/projects/{runId}", (HttpContext http, string runId, RunStatusHandler handler) =>
            ExecuteAsync(http, handler.HandleAsync(http.Request, runId, http.RequestAborted)));
        api.MapGet("/projects/{runId}/workspace", (HttpContext http, string runId, WorkspaceDownloadHandler handler) =>
            ExecuteAsync(http, handler.HandleAsync(http.Request, runId, http.RequestAborted)));
        api.MapGet("/projects/{runId}/files", (HttpContext http, string runId, WorkspaceFilesHandler handler) =>
            ExecuteAsync(http, handler.HandleAsync(http.Request, runId, http.RequestAborted)));
        api.MapGet("/projects/{runId}/events", (HttpContext http, string runId, RunEventsHandler handler) =>
            ExecuteAsync(http, handler.HandleAsync(http.Request, runId, http.RequestAborted)));
        api.MapPost("/negotiate", (HttpContext http, NegotiateHandler handler) =>
            ExecuteAsync(http, handler.HandleAsync(http.Request, http.RequestAborted)));
        api.MapPost("/chat", (HttpContext http, ChatHandler handler, DurableTaskClient client) =>
            ExecuteAsync(http, handler.HandleAsync(http.Request, client, http.RequestAborted)));
        api.MapGet("/ui/{**path}", (HttpContext http, string? path, WebPageHandler page) =>
            ExecuteAsync(http, Task.FromResult(page.Handle(http.Request, path))));

        app.MapGet("/", (HttpContext http, WebPageHandler page) => ExecuteAsync(http, Task.FromResult(page.Handle(http.Request, null))));
        foreach (var name in WebPageHandler.Names)
        {
            app.MapGet("/" + name, (HttpContext http, WebPageHandler page) => ExecuteAsync(http, Task.FromResult(page.Handle(http.Request, name))));
        }

        app.MapHub<ProgressHub>(ProgressHub.Path);
    }

    /// <summary>Runs a handler's IActionResult the way MVC does after an action (the Functions host does the same).</summary>
    private static async Task ExecuteAsync(HttpContext http, Task<IActionResult> handling)
    {
        var result = await handling;
        await result.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
    }
}
