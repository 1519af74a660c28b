using System.Text.Json;
using Mge.Api.Http;
using Mge.Azure.SignalR;
using Mge.Functions.Composition;
using Mge.Functions.Tests.Support;
using Mge.Pipeline.Storage;
using Mge.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Moq;

namespace Mge.Functions.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class CompositionTests(AzuriteFixture azurite)
{
    [Fact]
    public void Without_storage_settings_the_app_refuses_to_start_and_names_them()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddMgeFunctions(Configuration([])));

        Assert.Contains("Mge__Storage__ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("Mge__Storage__TableEndpoint", error.Message, StringComparison.Ordinal);
        Assert.Contains("Mge__Storage__BlobEndpoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Endpoints_for_the_managed_identity_are_enough_for_storage()
    {
        var services = new ServiceCollection().AddLogging().AddMgeFunctions(Configuration(new()
        {
            ["Mge:Storage:TableEndpoint"] = "https://mgeexample.table.core.windows.net/",
            ["Mge:Storage:BlobEndpoint"] = "https://mgeexample.blob.core.windows.net/",
        }));
        using var provider = services.BuildServiceProvider();

        var configuration = provider.GetRequiredService<FunctionsConfiguration>();
        Assert.Contains("managed identity", configuration.Storage, StringComparison.Ordinal);
        Assert.IsType<Mge.Azure.Storage.TableRecordStore>(provider.GetRequiredService<IRecordStore>());
    }

    [Fact]
    public async Task Every_setting_of_local_settings_sample_binds_and_composes_the_app()
    {
        var path = Path.Combine(RepositoryPaths.Root, "local.settings.sample.json");
        using var sample = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        var values = sample.RootElement.GetProperty("Values").EnumerateObject()
            .ToDictionary(p => p.Name.Replace("__", ":", StringComparison.Ordinal), p => (string?)p.Value.GetString());
        values["Mge:Storage:ConnectionString"] = azurite.ConnectionString;

        using var provider = new ServiceCollection().AddLogging().AddMgeFunctions(Configuration(values)).BuildServiceProvider();

        var configuration = provider.GetRequiredService<FunctionsConfiguration>();
        Assert.False(configuration.LiveProgress);
        Assert.StartsWith(ModelRegistration.Offline, configuration.ModelProvider, StringComparison.Ordinal);
        Assert.Equal(DownloadMode.Stream, configuration.DownloadMode);
        Assert.NotNull(provider.GetRequiredService<IChatClient>());
        Assert.Null(provider.GetService<SignalRNegotiator>());
        // The keys the app reads are all in the sample.
        foreach (var key in new[] { FunctionsSettings.StorageConnectionString, FunctionsSettings.StorageTableEndpoint, FunctionsSettings.StorageBlobEndpoint, FunctionsSettings.SignalRConnectionString, FunctionsSettings.SignalRHub, FunctionsSettings.DownloadsMode, FunctionsSettings.ModelProvider, "Mge:Pipeline:MaxRequestLength", "Mge:Prices:Fallback:InputPerMillion" })
        {
            Assert.True(values.ContainsKey(key), $"{FunctionsSettings.AppSetting(key)} is missing from local.settings.sample.json");
        }
    }

    [Fact]
    public async Task Start_up_says_when_progress_is_stored_only()
    {
        using var app = FunctionsApp.Create(azurite.ConnectionString);
        var logger = new Mock<ILogger<FunctionsStartupReport>>();
        logger.Setup(l => l.IsEnabled(It.IsAny<LogLevel>())).Returns(true);
        var report = new FunctionsStartupReport(app.Service<FunctionsConfiguration>(), logger.Object);

        await report.StartAsync(CancellationToken.None);

        var lines = logger.Invocations.Where(i => i.Method.Name == nameof(ILogger.Log)).Select(i => i.Arguments[2]?.ToString() ?? "").ToList();
        Assert.Contains(lines, l => l.Contains("Mge__SignalR__ConnectionString is not set", StringComparison.Ordinal) && l.Contains("/events", StringComparison.Ordinal));
        Assert.Contains(app.Services.GetServices<IHostedService>(), s => s is FunctionsStartupReport);
    }

    [Fact]
    public void With_a_SignalR_connection_string_progress_goes_live()
    {
        using var app = FunctionsApp.Create(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Mge:SignalR:ConnectionString"] = "Endpoint=https://mge-test.service.signalr.net;AccessKey=c3RhbmQtaW4ta2V5LWZvci1tZ2UtdGVzdHMtMDEyMzQ=;Version=1.0;",
        });

        Assert.True(app.Service<FunctionsConfiguration>().LiveProgress);
        Assert.NotNull(app.Services.GetService<SignalRNegotiator>());
        Assert.Contains(app.Services.GetServices<Mge.Pipeline.Progress.IProgressObserver>(), o => o is SignalRProgressObserver);
    }

    [Fact]
    public void The_model_comes_from_Mge_Model_and_a_provider_with_missing_settings_fails_the_start_up()
    {
        var error = Assert.ThrowsAny<Exception>(() => new ServiceCollection().AddMgeFunctions(Configuration(new()
        {
            ["Mge:Storage:ConnectionString"] = azurite.ConnectionString,
            ["Mge:Model:Provider"] = "azure-openai",
        })));
        Assert.Contains("Mge:Model:Endpoint", error.Message, StringComparison.Ordinal);

        // As infra/main.bicep configures it, plus Entra ID (the managed identity) for authentication.
        using var app = FunctionsApp.Create(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Mge:Model:Provider"] = "azure-openai",
            ["Mge:Model:Endpoint"] = "https://oai-mge-example.openai.azure.com/",
            ["Mge:Model:Deployment"] = "gpt-4o-mini",
            ["Mge:Model:UseEntraId"] = "true",
        });
        Assert.Equal("azure-openai (gpt-4o-mini)", app.Service<FunctionsConfiguration>().ModelProvider);
    }

    [Theory]
    [InlineData("Mge:Downloads:Mode", "ftp", "Mge:Downloads:Mode")]
    [InlineData("Mge:Downloads:SasLifetime", "-00:01:00", "SasLifetime")]
    public void Unusable_settings_fail_the_start_up_with_their_name(string key, string value, string named)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddMgeFunctions(Configuration(new()
        {
            ["Mge:Storage:ConnectionString"] = azurite.ConnectionString,
            [key] = value,
        })));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
