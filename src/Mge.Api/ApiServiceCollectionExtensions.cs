using Mge.Api.Http;
using Mge.Api.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mge.Api;

/// <summary>Registers the HTTP API's handlers and what they share, for any host (the Functions app, <c>mge serve</c>).</summary>
public static class ApiServiceCollectionExtensions
{
    /// <summary>
    /// Adds the handlers, <see cref="GenerationStarter"/>, <see cref="RunStatusReader"/> and the default
    /// <see cref="IRunManagementUrls"/> (request-rooted). The host adds what differs: an
    /// <see cref="IWorkspaceArchives"/> (required), an <see cref="IProgressNegotiator"/> (optional: without one,
    /// negotiate answers 503), and the pipeline's services (run journal, repository, chat) the handlers read.
    /// </summary>
    public static IServiceCollection AddMgeApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRunManagementUrls, RequestRootedManagementUrls>();
        services.TryAddTransient<GenerationStarter>();
        services.TryAddTransient<RunStatusReader>();
        services.TryAddTransient<StartGenerationHandler>();
        services.TryAddTransient<RunStatusHandler>();
        services.TryAddTransient<WorkspaceDownloadHandler>();
        services.TryAddTransient<WorkspaceFilesHandler>();
        services.TryAddTransient<RunEventsHandler>();
        services.TryAddTransient<NegotiateHandler>();
        services.TryAddTransient<ChatHandler>();
        services.TryAddSingleton<WebPageHandler>();
        return services;
    }
}
