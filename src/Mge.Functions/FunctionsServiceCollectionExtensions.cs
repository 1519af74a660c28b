using Mge.Api;
using Mge.Api.Http;
using Mge.Azure;
using Mge.Azure.SignalR;
using Mge.Azure.Storage;
using Mge.Functions.Composition;
using Mge.Functions.Http;
using Mge.Pipeline;
using Mge.Pipeline.Chat;
using Mge.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mge.Functions;

/// <summary>Everything the Functions app needs besides the Functions runtime itself: the pipeline, storage, live progress, the model, the workflow's activities and the HTTP API's services.</summary>
public static class FunctionsServiceCollectionExtensions
{
    /// <summary>
    /// Composes the app from configuration:
    /// <list type="bullet">
    /// <item>Table/Blob storage from "Mge:Storage" (ConnectionString, or TableEndpoint + BlobEndpoint with the
    /// managed identity, which is how infra/main.bicep configures it). Required: without it this throws, naming the
    /// settings, because a Functions app scaled out over instances cannot keep runs on a local disk.</item>
    /// <item>Live progress through Azure SignalR Service when "Mge:SignalR:ConnectionString" is set; otherwise
    /// events are only stored and clients catch up through the events endpoint (logged at start-up).</item>
    /// <item>The model from "Mge:Model:Provider" (<see cref="ModelRegistration"/>; the offline model by default).</item>
    /// <item>Workspace downloads from "Mge:Downloads" (Mode stream|sas).</item>
    /// </list>
    /// </summary>
    /// <exception cref="InvalidOperationException">A required setting is missing or a setting is invalid (the message names it).</exception>
    public static IServiceCollection AddMgeFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // No ISandbox on purpose: the Functions app never runs generated code in its own process, so the
        // verification phase reports its steps "not run: no sandbox is configured" here.
        services.AddMgePipeline(configuration);
        services.AddMgeChat();
        var storage = AddStorage(services, configuration);

        services.AddMgeSignalR(configuration);
        var signalR = new SignalROptions();
        configuration.GetSection(SignalROptions.SectionName).Bind(signalR);

        var model = services.AddMgeModel(configuration);
        services.AddMgeWorkflow();

        var downloads = new DownloadOptions();
        var downloadsSection = configuration.GetSection(DownloadOptions.SectionName);
        downloadsSection.Bind(downloads);
        downloads.Validate();
        services.AddOptions<DownloadOptions>().Bind(downloadsSection);

        services.TryAddTransient<WorkspaceDownloads>();
        services.TryAddTransient<IWorkspaceArchives>(sp => sp.GetRequiredService<WorkspaceDownloads>());
        services.TryAddSingleton<IRunManagementUrls, FunctionsManagementUrls>();
        if (signalR.IsConfigured)
        {
            services.TryAddTransient<IProgressNegotiator, AzureSignalRNegotiation>();
        }

        // The shared handlers (Mge.Api) the function classes bind; the same ones `mge serve` maps.
        services.AddMgeApi();
        services.AddSingleton(new FunctionsConfiguration(storage, signalR.IsConfigured, signalR.IsConfigured ? signalR.Hub : null, model, downloads.ParsedMode));
        services.AddHostedService<FunctionsStartupReport>();
        return services;
    }

    private static string AddStorage(IServiceCollection services, IConfiguration configuration)
    {
        var options = new AzureStorageOptions();
        configuration.GetSection(AzureStorageOptions.SectionName).Bind(options);
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        if (!hasConnectionString && (options.TableEndpoint is null || options.BlobEndpoint is null))
        {
            throw new InvalidOperationException(
                $"The Functions app needs Table and Blob storage and \"{FunctionsSettings.Storage}\" is not configured. Set the app setting " +
                $"{FunctionsSettings.AppSetting(FunctionsSettings.StorageConnectionString)} (e.g. UseDevelopmentStorage=true for Azurite), or both " +
                $"{FunctionsSettings.AppSetting(FunctionsSettings.StorageTableEndpoint)} and {FunctionsSettings.AppSetting(FunctionsSettings.StorageBlobEndpoint)} " +
                "to use the app's managed identity (infra/main.bicep sets these). There is no local-disk fallback in the Functions app.");
        }

        services.AddMgeAzureStorage(options);
        return hasConnectionString
            ? "a connection string (" + StorageAccountOf(options.ConnectionString!) + ")"
            : $"{options.TableEndpoint} and {options.BlobEndpoint} with the managed identity";
    }

    /// <summary>The account part of a connection string, for the log (never the key).</summary>
    private static string StorageAccountOf(string connectionString)
    {
        if (connectionString.Trim().Equals("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase))
        {
            return "development storage";
        }

        var account = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .FirstOrDefault(kv => kv.Length == 2 && kv[0].Trim().Equals("AccountName", StringComparison.OrdinalIgnoreCase));
        return account is null ? "account not named" : "account " + account[1].Trim();
    }
}
