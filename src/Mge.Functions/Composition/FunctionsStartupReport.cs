using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mge.Functions.Composition;

/// <summary>Logs, once at start-up, what the app was configured with: storage, live progress (or catch-up only), model and download mode.</summary>
public sealed class FunctionsStartupReport(FunctionsConfiguration configuration, ILogger<FunctionsStartupReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("MGE storage: Table/Blob at {Storage}", configuration.Storage);
        if (configuration.LiveProgress)
        {
            logger.LogInformation("MGE live progress: Azure SignalR Service, hub {Hub}; clients get connection info from POST /api/negotiate", configuration.SignalRHub);
        }
        else
        {
            logger.LogWarning(
                "MGE live progress is off: {Setting} is not set, so progress events are stored only and clients catch up with GET /api/projects/{{id}}/events; POST /api/negotiate answers 503",
                FunctionsSettings.AppSetting(FunctionsSettings.SignalRConnectionString));
        }

        logger.LogInformation("MGE model: {Provider}; workspace downloads: {Mode}", configuration.ModelProvider, configuration.DownloadMode);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
