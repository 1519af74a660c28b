using Mge.Cli.Hosting;
using Mge.Cli.Terminal;
using Mge.Engine;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mge.Cli.Runs;

/// <summary>
/// What every run command works with: the services of <see cref="LocalHostServices"/> over the run's storage,
/// the engine that matches it, and the command's progress observers.
/// </summary>
public sealed class RunHost : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    private RunHost(ServiceProvider provider, RunStorage storage)
    {
        this.provider = provider;
        Storage = storage;
    }

    public RunStorage Storage { get; }

    public IServiceProvider Services => provider;

    public RunJournal Journal => provider.GetRequiredService<RunJournal>();

    public RunRepository Repository => provider.GetRequiredService<RunRepository>();

    public IBlobStore Blobs => provider.GetRequiredService<IBlobStore>();

    /// <summary>The engine over this storage, not started: start it to run work (an unstarted Azure Storage engine still reads instance status).</summary>
    public EmbeddedEngine Engine => provider.GetRequiredService<EmbeddedEngine>();

    /// <summary>The SDK's durable client over <see cref="Engine"/>.</summary>
    public DurableTaskClient Client => provider.GetRequiredService<DurableTaskClient>();

    /// <summary>Builds the services for <paramref name="storage"/>; <paramref name="observers"/> receive the run's live progress events.</summary>
    public static RunHost Build(CliEnvironment environment, IConfiguration configuration, TimeProvider time, RunStorage storage, params IProgressObserver[] observers)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddLogging(logging => logging.AddMgeLocalLogging(storage, environment.Error));
        services.AddMgeLocalHost(configuration, storage);
        foreach (var observer in observers)
        {
            services.AddSingleton(observer);
        }

        return new RunHost(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }), storage);
    }

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
