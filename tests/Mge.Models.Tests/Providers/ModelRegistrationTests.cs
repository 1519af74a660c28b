using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Mge.Models.Offline;
using Mge.Models.Providers;
using Mge.Models.Resilience;
using Mge.Pipeline;
using Mge.Pipeline.Prompting;

namespace Mge.Models.Tests.Providers;

public sealed class ModelRegistrationTests
{
    [Fact]
    public async Task An_empty_configuration_registers_the_offline_model_for_every_role()
    {
        var services = new ServiceCollection();
        services.AddMgeModels(new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();

        var chat = provider.GetRequiredService<IChatClient>();
        var selector = provider.GetRequiredService<IChatClientSelector>();

        Assert.IsType<OfflineChatClient>(chat);
        Assert.Same(chat, selector.ForRole(ModelRole.Code).Client);
        Assert.Same(chat, provider.GetRequiredKeyedService<IChatClient>(ModelRole.Discovery));
        Assert.Equal(OfflineChatClient.ModelName, selector.ForRole(ModelRole.Planning).ModelId);
        Assert.Equal("offline mge-offline-1", provider.GetRequiredService<ModelDescriptor>().Summary);
        var answer = await chat.GetResponseAsync("Say hello.");
        Assert.Equal(OfflineChatClient.ModelName, answer.ModelId);
    }

    [Fact]
    public void An_offline_model_registered_before_is_kept()
    {
        var services = new ServiceCollection();
        services.AddMgeOfflineModel(o => o.FaultRate = 0.5);
        var before = services.Single(d => d.ServiceType == typeof(OfflineChatClient)).ImplementationInstance;
        services.AddMgeModels(new ModelProviderOptions());
        using var provider = services.BuildServiceProvider();

        Assert.Same(before, provider.GetRequiredService<IChatClient>());
    }

    [Fact]
    public void Remote_providers_are_wrapped_in_the_fault_handling()
    {
        var services = new ServiceCollection();
        services.AddMgeModels(
            new ModelProviderOptions { Provider = "openai", Endpoint = "http://127.0.0.1:9/v1", Model = "llama3.1" },
            credential: null,
            environment: _ => null);
        using var provider = services.BuildServiceProvider();

        Assert.IsType<ResilientChatClient>(provider.GetRequiredService<IChatClient>());
        Assert.Equal("openai llama3.1 at http://127.0.0.1:9/v1", provider.GetRequiredService<ModelDescriptor>().Summary);
    }

    [Fact]
    public void Role_models_fill_the_pipeline_models_it_does_not_name_already()
    {
        var services = new ServiceCollection();
        services.Configure<PipelineOptions>(p => p.Models["Repair"] = "gpt-4o");
        var options = new ModelProviderOptions { Provider = "openai", Endpoint = "http://127.0.0.1:9/v1", Model = "gpt-4o-mini" };
        options.Roles["Code"] = new RoleModelOptions { Model = "gpt-4.1" };
        options.Roles["Repair"] = new RoleModelOptions { Model = "gpt-4.1" };
        services.AddMgeModels(options, null, _ => null);
        using var provider = services.BuildServiceProvider();

        var models = provider.GetRequiredService<IOptions<PipelineOptions>>().Value.Models;

        Assert.Equal("gpt-4.1", models["Code"]);
        Assert.Equal("gpt-4o", models["Repair"]);
        Assert.IsType<ModelIdRoutingChatClient>(provider.GetRequiredService<IChatClient>());
        Assert.Equal("gpt-4.1", provider.GetRequiredService<IChatClientSelector>().ForRole(ModelRole.Repair).ModelId);
    }

    [Fact]
    public void Invalid_configuration_fails_at_registration_with_the_settings_named()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("Mge:Model:Provider", "azure-openai"), new("Mge:Model:Model", "gpt-4o")])
            .Build();

        var error = Assert.Throws<ModelConfigurationException>(() => new ServiceCollection().AddMgeModels(configuration));

        Assert.Contains(error.Problems, p => p.Contains("Mge:Model:Endpoint", StringComparison.Ordinal));
    }

    [Fact]
    public void Calling_it_again_replaces_the_registration()
    {
        var services = new ServiceCollection();
        services.AddMgeModels(new ModelProviderOptions());
        services.AddMgeModels(new ModelProviderOptions { Provider = "openai", Endpoint = "http://127.0.0.1:9/v1", Model = "m" }, null, _ => null);
        using var provider = services.BuildServiceProvider();

        Assert.Equal("openai", provider.GetRequiredService<ModelDescriptor>().Provider);
        Assert.Single(provider.GetServices<IChatClientSelector>());
        Assert.Equal("m", provider.GetRequiredService<IChatClientSelector>().ForRole(ModelRole.Chat).ModelId);
    }
}
