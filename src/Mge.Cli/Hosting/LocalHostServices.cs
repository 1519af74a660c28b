using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Mge.Azure;
using Mge.Azure.Storage;
using Mge.Cli.Runs;
using Mge.Cli.Terminal;
using Mge.Engine;
using Mge.Models;
using Mge.Models.Offline;
using Mge.Pipeline;
using Mge.Pipeline.Prompting;
using Mge.Pipeline.Verification;
using Mge.Sandbox;
using Mge.Workflow;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Mge.Cli.Hosting;

/// <summary>
/// The one composition of the local hosts (<c>mge generate</c>, <c>mge serve</c>, <c>status</c>/<c>resume</c>/<c>list</c>):
/// logging, the pipeline, the local sandbox of the verification phase, the run's storage (a local folder, or Azure Storage/Azurite with outage-riding retries),
/// the model from <c>Mge:Model</c>, the workflow, the embedded engine that matches the storage and the SDK's
/// <see cref="DurableTaskClient"/> over it. The Functions app composes the same parts for Azure
/// (Mge.Functions' AddMgeFunctions).
/// </summary>
/// <remarks>
/// Settings read from configuration (environment variables with "__" for ":"): Mge:Model (the offline model when
/// nothing is configured; Mge:Model:Offline:SimulatedLatency slows it down to watch), Mge:Pipeline,
/// Mge:Engine:TaskHubName and Mge:Engine:QueueVisibilityTimeout (how long work held by a killed process waits
/// before another picks it up, default 30 s), and <see cref="PaidCallLedger.SettingKey"/>.
/// </remarks>
public static class LocalHostServices
{
    /// <summary>
    /// Activity work items one local process runs at once: above any run's model-call concurrency (at most 64), so
    /// the engine is never the narrower bottleneck; the workflow bounds every fan-out itself.
    /// </summary>
    public const int MaxConcurrentActivities = 128;

    /// <summary>Local hosts show warnings and errors on standard error, without the durable runtime's retry chatter.</summary>
    public static ILoggingBuilder AddMgeLocalLogging(this ILoggingBuilder logging, RunStorage storage, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(logging);
        ArgumentNullException.ThrowIfNull(storage);
        logging.ClearProviders()
            .SetMinimumLevel(LogLevel.Warning)
            // The durable runtime reports every retried or failed work item at Warning; the run's own failure
            // message says what matters, so only its errors are shown. Over Azure Storage a passing outage makes
            // every poller log errors until storage is back, and the run recovers by itself: only critical ones.
            .AddFilter("DurableTask", storage.IsAzure ? LogLevel.Critical : LogLevel.Error)
            .AddFilter("Microsoft.DurableTask", LogLevel.Error)
            // The Azure SDK's own retry warnings are the same news.
            .AddFilter("Azure", LogLevel.Error)
            .AddProvider(new ErrorWriterLoggerProvider(errors, LogLevel.Warning));
        return logging;
    }

    /// <summary>Pipeline, storage, model, workflow, engine and durable client of a local host over <paramref name="storage"/>.</summary>
    public static IServiceCollection AddMgeLocalHost(this IServiceCollection services, IConfiguration configuration, RunStorage storage)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(storage);
        services.TryAddSingleton(TimeProvider.System);
        services.AddMgePipeline(configuration);
        if (storage.ConnectionString is { } connectionString)
        {
            // Registered before AddMgeAzureStorage (which only adds clients that are missing): retries with back-off
            // long enough to ride out a storage restart of several seconds inside one activity.
            services.AddSingleton(new TableServiceClient(connectionString, RunStorage.WithOutageRetries(new TableClientOptions())));
            services.AddSingleton(new BlobServiceClient(connectionString, RunStorage.WithOutageRetries(new BlobClientOptions())));
            services.AddMgeAzureStorage(new AzureStorageOptions { ConnectionString = connectionString });
        }
        else
        {
            services.AddMgeFileStorage(storage.LocalRoot);
        }

        services.AddMgeModels(configuration);
        if (configuration[PaidCallLedger.SettingKey] is { Length: > 0 } ledger)
        {
            // Every role's calls go through the ledger (the crash test counts paid calls across processes).
            services.Replace(ServiceDescriptor.Singleton<IChatClient>(sp => new PaidCallLedger(sp.GetRequiredService<OfflineChatClient>(), ledger)));
            foreach (var role in Enum.GetValues<ModelRole>())
            {
                services.RemoveAllKeyed<IChatClient>(role);
                services.AddKeyedSingleton<IChatClient>(role, (sp, _) => sp.GetRequiredService<IChatClient>());
            }
        }

        // Local hosts run the generated project's install, tests and smoke in the local sandbox (bubblewrap where it works).
        services.TryAddSingleton<ISandbox>(_ => new LocalSandbox());
        services.AddMgeWorkflow();
        services.AddSingleton(sp => CreateEngine(sp, configuration, storage));
        services.AddSingleton<DurableTaskClient>(sp => new EmbeddedDurableTaskClient(sp.GetRequiredService<EmbeddedEngine>()));
        return services;
    }

    /// <summary>
    /// The engine for this storage, not started (an unstarted Azure Storage engine still reads instance status): in
    /// memory for a local folder, the Durable Task Azure Storage backend with --storage.
    /// </summary>
    private static EmbeddedEngine CreateEngine(IServiceProvider services, IConfiguration configuration, RunStorage storage)
    {
        var options = new EmbeddedEngineOptions { MaxConcurrentActivities = MaxConcurrentActivities };
        WorkflowRegistration.Register(options);
        if (storage.ConnectionString is not { } connectionString)
        {
            return EmbeddedEngine.CreateInMemory(options, services);
        }

        var engineSection = configuration.GetSection("Mge:Engine");
        var settings = new AzureStorageEngineSettings
        {
            ConnectionString = connectionString,
            TaskHubName = engineSection["TaskHubName"] is { Length: > 0 } hub ? hub : AzureStorageEngineSettings.DefaultTaskHubName,
        };
        try
        {
            if (engineSection["QueueVisibilityTimeout"] is { Length: > 0 } visibility)
            {
                settings = settings with { QueueVisibilityTimeout = TimeSpan.Parse(visibility, CultureInfo.InvariantCulture) };
            }

            return EmbeddedEngine.CreateAzureStorage(settings, options, services);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            throw new CliUsageException($"engine settings (Mge:Engine): {ex.Message}");
        }
    }
}
