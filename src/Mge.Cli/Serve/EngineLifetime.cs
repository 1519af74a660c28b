using Mge.Engine;
using Microsoft.Extensions.Hosting;

namespace Mge.Cli.Serve;

/// <summary>Starts the embedded engine with the server (the container disposes it at shutdown, abandoning in-flight work).</summary>
public sealed class EngineLifetime(EmbeddedEngine engine) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => engine.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
