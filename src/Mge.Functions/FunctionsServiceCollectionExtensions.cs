using Mge.Models;
using Mge.Pipeline;
using Mge.Pipeline.Delivery;
using Mge.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mge.Functions;

/// <summary>Everything the Functions app needs besides the Functions runtime itself: the pipeline, storage, the model and the workflow's activities.</summary>
public static class FunctionsServiceCollectionExtensions
{
    /// <summary>Configuration key for the local storage folder; default "{temp}/mge-functions".</summary>
    public const string StorageRootKey = "Mge:Storage:Root";

    public static IServiceCollection AddMgeFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var storageRoot = configuration[StorageRootKey] is { Length: > 0 } root ? root : Path.Combine(Path.GetTempPath(), "mge-functions");
        services.AddMgePipeline(configuration);
        services.AddMgeLaterPhases(configuration);

        // File storage for now: the Table/Blob adapters (Azure.Data.Tables, Azure.Storage.Blobs) replace it
        // when they exist. On a scaled-out plan every instance must see the same storage, which a local
        // folder is not; this host is correct on a single instance only until then.
        services.AddMgeFileStorage(storageRoot);
        services.AddMgeOfflineModel();
        services.AddMgeWorkflow();
        return services;
    }
}
