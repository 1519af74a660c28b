using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Mge.Azure;
using Mge.Azure.Storage;
using Mge.Cli.Terminal;
using Mge.Engine;
using Mge.Models;
using Mge.Models.Offline;
using Mge.Pipeline;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;
using Mge.Workflow;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Mge.Cli.Runs;

/// <summary>
/// What every run command works with: the service provider (pipeline, the run's storage, the offline model,
/// the workflow's activities, the progress observers) and the engine that matches the storage: in memory for
/// local runs, the Durable Task Azure Storage backend with --storage.
/// </summary>
/// <remarks>
/// Settings read from configuration (environment variables with "__" for ":"):
/// Mge:OfflineModel:* (e.g. SimulatedLatency=00:00:00.5, a delay before each model answer, to imitate a
/// remote model), Mge:Engine:TaskHubName, Mge:Engine:QueueVisibilityTimeout (how long work held by a killed
/// process waits before another picks it up, default 30 s), and <see cref="PaidCallLedger.SettingKey"/>.
/// </remarks>
public sealed class RunHost : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private readonly IConfiguration configuration;

    private RunHost(ServiceProvider provider, IConfiguration configuration, RunStorage storage)
    {
        this.provider = provider;
        this.configuration = configuration;
        Storage = storage;
    }

    public RunStorage Storage { get; }

    public IServiceProvider Services => provider;

    public RunJournal Journal => provider.GetRequiredService<RunJournal>();

    public RunRepository Repository => provider.GetRequiredService<RunRepository>();

    public IBlobStore Blobs => provider.GetRequiredService<IBlobStore>();

    /// <summary>Builds the services for <paramref name="storage"/>; <paramref name="observers"/> receive the run's live progress events.</summary>
    public static RunHost Build(
        CliEnvironment environment, IConfiguration configuration, TimeProvider time, RunStorage storage, double faultRate, params IProgressObserver[] observers)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddLogging(logging =>
        {
            logging.ClearProviders()
                .SetMinimumLevel(LogLevel.Warning)
                // The durable runtime reports every retried or failed work item at Warning; the run's own failure
                // message says what matters, so only its errors are shown. Over Azure Storage a passing outage
                // makes every poller log errors until storage is back, and the run recovers by itself: only
                // critical errors are shown there.
                .AddFilter("DurableTask", storage.IsAzure ? LogLevel.Critical : LogLevel.Error)
                .AddFilter("Microsoft.DurableTask", LogLevel.Error)
                .AddProvider(new ErrorWriterLoggerProvider(environment.Error, LogLevel.Warning));
            if (storage.IsAzure)
            {
                // The Azure SDK's own retry warnings are the same news.
                logging.AddFilter("Azure", LogLevel.Error);
            }
        });
        services.AddMgePipeline(configuration);
        if (storage.ConnectionString is { } connectionString)
        {
            // Registered before AddMgeAzureStorage (which only adds clients that are missing): retries with
            // back-off long enough to ride out a storage restart of several seconds inside one activity.
            services.AddSingleton(new TableServiceClient(connectionString, RunStorage.WithOutageRetries(new TableClientOptions())));
            services.AddSingleton(new BlobServiceClient(connectionString, RunStorage.WithOutageRetries(new BlobClientOptions())));
            services.AddMgeAzureStorage(new AzureStorageOptions { ConnectionString = connectionString });
        }
        else
        {
            services.AddMgeFileStorage(storage.LocalRoot);
        }

        var offline = configuration.GetSection("Mge:OfflineModel");
        services.AddMgeOfflineModel(model =>
        {
            offline.Bind(model);
            model.FaultRate = faultRate > 0 ? faultRate : model.FaultRate;
        });
        if (Generation.ModelFlags.UsesRemoteProvider(configuration))
        {
            // Azure OpenAI or an OpenAI-compatible endpoint from Mge:Model (flags already applied): one client
            // per role, with retries; the offline model registered above stays unused.
            services.AddMgeModels(configuration);
        }

        if (configuration[PaidCallLedger.SettingKey] is { Length: > 0 } ledger)
        {
            services.Replace(ServiceDescriptor.Singleton<IChatClient>(sp => new PaidCallLedger(sp.GetRequiredService<OfflineChatClient>(), ledger)));
        }

        services.AddMgeWorkflow();
        foreach (var observer in observers)
        {
            services.AddSingleton(observer);
        }

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        return new RunHost(provider, configuration, storage);
    }

    /// <summary>
    /// The engine for this storage, not started: start it to run work; an unstarted Azure Storage engine
    /// still reads instance status. <paramref name="concurrency"/> is the run's model-call concurrency.
    /// </summary>
    public EmbeddedEngine CreateEngine(int concurrency)
    {
        var options = new EmbeddedEngineOptions
        {
            // Code generation keeps at most `concurrency` model calls in flight; the engine must not be the
            // narrower bottleneck, and the other fan-outs (atomization, wave batches) are bounded by the workflow.
            MaxConcurrentActivities = Math.Max(16, concurrency * 2),
        };
        WorkflowRegistration.Register(options);
        if (Storage.ConnectionString is not { } connectionString)
        {
            return EmbeddedEngine.CreateInMemory(options, provider);
        }

        var engineSection = configuration.GetSection("Mge:Engine");
        var settings = new AzureStorageEngineSettings
        {
            ConnectionString = connectionString,
            TaskHubName = engineSection["TaskHubName"] is { Length: > 0 } hub ? hub : AzureStorageEngineSettings.DefaultTaskHubName,
        };
        if (engineSection["QueueVisibilityTimeout"] is { Length: > 0 } visibility)
        {
            settings = settings with { QueueVisibilityTimeout = TimeSpan.Parse(visibility, CultureInfo.InvariantCulture) };
        }

        try
        {
            return EmbeddedEngine.CreateAzureStorage(settings, options, provider);
        }
        catch (ArgumentException ex)
        {
            throw new CliUsageException($"engine settings (Mge:Engine): {ex.Message}");
        }
    }

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
