using Mge.Models.Offline;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mge.Models;

/// <summary>Registers the built-in offline model as the host's <see cref="IChatClient"/>.</summary>
public static class OfflineModelServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="OfflineChatClient"/> (singleton, also as <see cref="IChatClient"/>) with the
    /// options <paramref name="configure"/> sets. Replaces an IChatClient registered before.
    /// </summary>
    public static IServiceCollection AddMgeOfflineModel(this IServiceCollection services, Action<OfflineModelOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new OfflineModelOptions();
        configure?.Invoke(options);
        options.Validate();
        services.RemoveAll<OfflineChatClient>();
        services.AddSingleton(new OfflineChatClient(options));
        services.Replace(ServiceDescriptor.Singleton<IChatClient>(sp => sp.GetRequiredService<OfflineChatClient>()));
        return services;
    }
}
