using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Mge.Azure.SignalR;
using Mge.Pipeline.Progress;

namespace Mge.Azure.Tests.SignalR;

public sealed class SignalRServiceCollectionExtensionsTests
{
    [Fact]
    public void Without_a_connection_string_nothing_is_registered()
    {
        var services = new ServiceCollection().AddMgeSignalR(Configuration([]));

        Assert.Empty(services);
        using var provider = services.BuildServiceProvider();
        Assert.Null(provider.GetService<SignalRNegotiator>());
        Assert.Empty(provider.GetServices<IProgressObserver>());
    }

    [Fact]
    public void With_a_connection_string_the_observer_negotiator_and_client_resolve_with_the_configured_hub()
    {
        var services = new ServiceCollection().AddLogging();
        var configuration = Configuration(new()
        {
            ["Mge:SignalR:ConnectionString"] = SignalRTestKeys.ConnectionString(),
            ["Mge:SignalR:Hub"] = "progress",
            ["Mge:SignalR:AccessTokenLifetime"] = "00:30:00",
            ["Mge:SignalR:MaxRetries"] = "1",
        });
        services.AddMgeSignalR(configuration);
        services.AddMgeSignalR(configuration);

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var observer = Assert.Single(provider.GetServices<IProgressObserver>());
        Assert.IsType<SignalRProgressObserver>(observer);
        Assert.Same(provider.GetRequiredService<SignalRRestClient>(), provider.GetRequiredService<SignalRRestClient>());
        Assert.Equal(TimeSpan.FromMinutes(30), provider.GetRequiredService<SignalRAccessTokens>().Lifetime);
        Assert.Equal("https://mge-test.service.signalr.net/client/?hub=progress", provider.GetRequiredService<SignalRNegotiator>().ClientUrl);
        Assert.Equal(1, provider.GetRequiredService<IOptions<SignalROptions>>().Value.MaxRetries);
    }

    [Fact]
    public void A_bad_connection_string_fails_at_registration_naming_the_setting_and_the_part()
    {
        var configuration = Configuration(new() { ["Mge:SignalR:ConnectionString"] = $"AccessKey={SignalRTestKeys.Key};Version=1.0;" });

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddMgeSignalR(configuration));

        Assert.Contains("Mge:SignalR:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("no Endpoint", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SignalRTestKeys.Key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_hub_name_fails_at_registration()
    {
        var configuration = Configuration(new()
        {
            ["Mge:SignalR:ConnectionString"] = SignalRTestKeys.ConnectionString(),
            ["Mge:SignalR:Hub"] = "mge-progress",
        });

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddMgeSignalR(configuration));

        Assert.Contains("Mge:SignalR:Hub", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
