using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mge.Pipeline.Progress;

namespace Mge.Azure.SignalR;

/// <summary>Registers progress publishing through Azure SignalR Service.</summary>
public static class SignalRServiceCollectionExtensions
{
    /// <summary>
    /// When "Mge:SignalR:ConnectionString" is set: binds <see cref="SignalROptions"/>, parses and validates the
    /// connection string now (a bad one fails the host's start-up with the part that is wrong), and registers
    /// <see cref="SignalRAccessTokens"/>, <see cref="SignalRRestClient"/> (over the IHttpClientFactory client
    /// <see cref="SignalRRestClient.HttpClientName"/>), <see cref="SignalRNegotiator"/> and
    /// <see cref="SignalRProgressObserver"/> as an <see cref="IProgressObserver"/>, all singletons.
    /// When it is not set, nothing is registered: no live channel (events are still stored for catch-up), and
    /// <c>GetService&lt;SignalRNegotiator&gt;()</c> is null, so a negotiate endpoint can answer that live progress
    /// is not configured. Calling it twice registers once.
    /// </summary>
    public static IServiceCollection AddMgeSignalR(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var section = configuration.GetSection(SignalROptions.SectionName);
        var options = new SignalROptions();
        section.Bind(options);
        if (!options.IsConfigured)
        {
            return services;
        }

        options.Validate();
        SignalRConnectionString connectionString;
        try
        {
            connectionString = SignalRConnectionString.Parse(options.ConnectionString!);
        }
        catch (FormatException exception)
        {
            throw new InvalidOperationException($"{SignalROptions.SectionName}:ConnectionString is invalid: {exception.Message}", exception);
        }

        if (services.Any(d => d.ServiceType == typeof(SignalRRestClient)))
        {
            return services;
        }

        services.AddOptions<SignalROptions>().Bind(section).Validate(o => { o.Validate(); return true; });
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(SignalRRestClient.HttpClientName)
            .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<SignalROptions>>().Value.RequestTimeout)
            // The client lives as long as the host (a singleton): pooled connections are recycled instead of
            // the handler, so DNS changes are still picked up.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        services.AddSingleton(sp => new SignalRAccessTokens(
            connectionString,
            sp.GetRequiredService<IOptions<SignalROptions>>().Value.AccessTokenLifetime,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new SignalRRestClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(SignalRRestClient.HttpClientName),
            sp.GetRequiredService<SignalRAccessTokens>(),
            sp.GetRequiredService<IOptions<SignalROptions>>().Value.RetryPolicy,
            sp.GetService<ILogger<SignalRRestClient>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SignalRNegotiator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProgressObserver, SignalRProgressObserver>());
        return services;
    }
}
