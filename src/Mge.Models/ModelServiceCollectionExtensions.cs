using Azure.Core;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Mge.Models.Offline;
using Mge.Models.Providers;
using Mge.Models.Resilience;
using Mge.Pipeline;
using Mge.Pipeline.Prompting;

namespace Mge.Models;

/// <summary>
/// One call that registers the model a host talks to, from configuration section <c>Mge:Model</c>: the offline model
/// when nothing is configured, else Azure OpenAI or an OpenAI-compatible endpoint behind the fault handling.
/// </summary>
public static class ModelServiceCollectionExtensions
{
    /// <summary>
    /// Reads <c>Mge:Model</c> from <paramref name="configuration"/> and registers the model (see
    /// <see cref="AddMgeModels(IServiceCollection, ModelProviderOptions, TokenCredential?)"/>). Throws
    /// <see cref="ModelConfigurationException"/> naming each missing or contradictory setting.
    /// </summary>
    public static IServiceCollection AddMgeModels(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddMgeModels(ModelProviderOptions.FromConfiguration(configuration));
    }

    /// <summary>
    /// Validates <paramref name="options"/> (reading the API key from its environment variable) and registers:
    /// <see cref="IChatClient"/> (the default model; with role models, a client that routes by ChatOptions.ModelId),
    /// a keyed <see cref="IChatClient"/> per <see cref="ModelRole"/>, <see cref="IChatClientSelector"/>
    /// (<see cref="ModelRouter"/>), <see cref="ModelDescriptor"/> and the options. Role models are also copied into
    /// PipelineOptions.Models for roles it does not already name. Remote clients are wrapped in
    /// <see cref="ResilientChatClient"/>. For offline, an <see cref="OfflineChatClient"/> registered before (by
    /// AddMgeOfflineModel) is kept; otherwise one is registered with <see cref="ModelProviderOptions.Offline"/>.
    /// Calling it again replaces the earlier registration.
    /// </summary>
    /// <param name="credential">Entra ID credential to use instead of DefaultAzureCredential / the managed identity (tests, custom chains).</param>
    public static IServiceCollection AddMgeModels(this IServiceCollection services, ModelProviderOptions options, TokenCredential? credential = null) =>
        services.AddMgeModels(options, credential, environment: null);

    internal static IServiceCollection AddMgeModels(this IServiceCollection services, ModelProviderOptions options, TokenCredential? credential, Func<string, string?>? environment)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Resolve(environment);
        var descriptor = new ModelDescriptor(
            settings.Provider,
            settings.DefaultModel,
            settings.RoleModels,
            settings.Endpoint?.GetLeftPart(UriPartial.Path),
            settings.Authentication);

        services.RemoveAll<ModelProviderOptions>();
        services.RemoveAll<ModelDescriptor>();
        services.RemoveAll<ModelRouter>();
        services.RemoveAll<IChatClientSelector>();
        services.AddSingleton(options);
        services.AddSingleton(descriptor);

        if (settings.Provider == ModelProviderNames.Offline)
        {
            if (!services.Any(d => d.ServiceType == typeof(OfflineChatClient) && !d.IsKeyedService))
            {
                services.AddMgeOfflineModel(offline => Copy(options.Offline, offline));
            }

            services.AddSingleton(sp => new ModelRouter(descriptor, _ => sp.GetRequiredService<OfflineChatClient>(), ownsClients: false));
            services.Replace(ServiceDescriptor.Singleton<IChatClient>(sp => sp.GetRequiredService<OfflineChatClient>()));
        }
        else
        {
            var createProviderClient = ProviderChatClientFactory.Create(settings, credential);
            services.AddSingleton(sp =>
            {
                var time = sp.GetService<TimeProvider>() ?? TimeProvider.System;
                var logger = sp.GetService<ILoggerFactory>()?.CreateLogger<ResilientChatClient>();
                return new ModelRouter(descriptor, model => new ResilientChatClient(createProviderClient(model), settings.Resilience, time, logger));
            });
            services.Replace(ServiceDescriptor.Singleton<IChatClient>(sp =>
            {
                var router = sp.GetRequiredService<ModelRouter>();
                return descriptor.RoleModels.Count == 0 ? router.DefaultClient : new ModelIdRoutingChatClient(router);
            }));

            if (descriptor.RoleModels.Count > 0)
            {
                services.PostConfigure<PipelineOptions>(pipeline =>
                {
                    foreach (var (role, model) in descriptor.RoleModels)
                    {
                        pipeline.Models.TryAdd(role.ToString(), model);
                    }
                });
            }
        }

        services.AddSingleton<IChatClientSelector>(sp => sp.GetRequiredService<ModelRouter>());
        foreach (var role in Enum.GetValues<ModelRole>())
        {
            services.RemoveAllKeyed<IChatClient>(role);
            services.AddKeyedSingleton<IChatClient>(role, (sp, _) => sp.GetRequiredService<IChatClientSelector>().ForRole(role).Client);
        }

        return services;
    }

    private static void Copy(OfflineModelOptions from, OfflineModelOptions to)
    {
        to.FaultRate = from.FaultRate;
        to.FaultKinds = from.FaultKinds;
        to.Seed = from.Seed;
        to.SimulatedLatency = from.SimulatedLatency;
        to.PromptCacheCapacity = from.PromptCacheCapacity;
        to.StreamingChunkSize = from.StreamingChunkSize;
    }
}
