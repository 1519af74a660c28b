using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Mge.Azure.Storage;
using Mge.Pipeline.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mge.Azure;

/// <summary>Registers the Azure adapters behind the pipeline's ports.</summary>
public static class AzureServiceCollectionExtensions
{
    /// <summary>
    /// Table and Blob storage from "Mge:Storage" (a connection string, or endpoints reached with
    /// DefaultAzureCredential, i.e. the app's managed identity in Azure). Replaces any other storage registration.
    /// </summary>
    public static IServiceCollection AddMgeAzureStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new AzureStorageOptions();
        configuration.GetSection(AzureStorageOptions.SectionName).Bind(options);
        return services.AddMgeAzureStorage(options);
    }

    public static IServiceCollection AddMgeAzureStorage(this IServiceCollection services, AzureStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.RemoveAll<IRecordStore>();
        services.RemoveAll<IBlobStore>();
        services.AddSingleton(options);
        services.TryAddSingleton(_ => options.ConnectionString is { Length: > 0 } cs
            ? new TableServiceClient(cs)
            : new TableServiceClient(options.TableEndpoint!, new DefaultAzureCredential()));
        services.TryAddSingleton(_ => options.ConnectionString is { Length: > 0 } cs
            ? new BlobServiceClient(cs)
            : new BlobServiceClient(options.BlobEndpoint!, new DefaultAzureCredential()));
        services.AddSingleton(sp => new AzureBlobStore(sp.GetRequiredService<BlobServiceClient>(), options.ContainerPrefix));
        services.AddSingleton<IBlobStore>(sp => sp.GetRequiredService<AzureBlobStore>());
        services.AddSingleton<IRecordStore>(sp => new TableRecordStore(
            sp.GetRequiredService<TableServiceClient>(), sp.GetRequiredService<AzureBlobStore>(), options.TablePrefix));
        return services;
    }
}
