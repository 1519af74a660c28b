using Microsoft.Extensions.Configuration;
using Mge.Models.Offline;
using Mge.Models.Providers;
using Mge.Pipeline.Prompting;

namespace Mge.Models.Tests.Providers;

public sealed class ModelProviderOptionsTests
{
    private static readonly Dictionary<string, string> NoVariables = new();

    private static Func<string, string?> Env(Dictionary<string, string> variables) => name => variables.TryGetValue(name, out var value) ? value : null;

    private static ModelConfigurationException Invalid(ModelProviderOptions options, Dictionary<string, string>? variables = null) =>
        Assert.Throws<ModelConfigurationException>(() => options.Validate(Env(variables ?? NoVariables)));

    private static ModelProviderOptions Bind(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return ModelProviderOptions.FromConfiguration(configuration);
    }

    [Fact]
    public void Nothing_configured_is_the_offline_model()
    {
        var options = Bind();

        options.Validate(Env(NoVariables));
        var settings = options.Resolve(Env(NoVariables));

        Assert.Equal(ModelProviderNames.Offline, options.EffectiveProvider);
        Assert.Equal(OfflineChatClient.ModelName, settings.DefaultModel);
        Assert.Equal("none", settings.Authentication);
    }

    [Fact]
    public void Binds_every_setting_from_the_Mge_Model_section()
    {
        var options = Bind(
            ("Mge:Model:Provider", "Azure-OpenAI"),
            ("Mge:Model:Endpoint", "https://mge.openai.azure.com/"),
            ("Mge:Model:Deployment", "gpt-4o"),
            ("Mge:Model:UseEntraId", "true"),
            ("Mge:Model:ClientId", "00000000-0000-0000-0000-000000000001"),
            ("Mge:Model:Roles:Code:Deployment", "gpt-4.1"),
            ("Mge:Model:Roles:repair:Model", "gpt-4.1"),
            ("Mge:Model:Timeout", "00:03:00"),
            ("Mge:Model:MaxRetries", "6"));

        var settings = options.Resolve(Env(NoVariables));

        Assert.Equal(ModelProviderNames.AzureOpenAI, settings.Provider);
        Assert.Equal(new Uri("https://mge.openai.azure.com/"), settings.Endpoint);
        Assert.Equal("gpt-4o", settings.DefaultModel);
        Assert.Equal(new Dictionary<ModelRole, string> { [ModelRole.Code] = "gpt-4.1", [ModelRole.Repair] = "gpt-4.1" }, settings.RoleModels);
        Assert.Equal("entra-id (managed identity 00000000-0000-0000-0000-000000000001)", settings.Authentication);
        Assert.Equal(TimeSpan.FromMinutes(3), settings.Resilience.AttemptTimeout);
        Assert.Equal(6, settings.Resilience.MaxRetries);
    }

    [Fact]
    public void Azure_reads_the_key_from_the_default_variable()
    {
        var options = new ModelProviderOptions { Provider = "azure-openai", Endpoint = "https://mge.openai.azure.com/", Model = "gpt-4o" };

        var settings = options.Resolve(Env(new() { ["AZURE_OPENAI_API_KEY"] = "k1" }));

        Assert.Equal("k1", settings.ApiKey);
        Assert.Equal("api-key from AZURE_OPENAI_API_KEY", settings.Authentication);
    }

    [Fact]
    public void Azure_without_an_endpoint_names_the_setting_and_the_flag()
    {
        var error = Invalid(new ModelProviderOptions { Provider = "azure-openai", Model = "gpt-4o" }, new() { ["AZURE_OPENAI_API_KEY"] = "k" });

        var problem = Assert.Single(error.Problems);
        Assert.Contains("Mge:Model:Endpoint (--endpoint) is required for azure-openai", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_key_variable_that_is_empty_is_reported_by_name()
    {
        var error = Invalid(new ModelProviderOptions { Provider = "azure-openai", Endpoint = "https://mge.openai.azure.com/", Model = "gpt-4o", ApiKeyVariable = "MGE_AOAI_KEY" });

        Assert.Contains("MGE_AOAI_KEY", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Entra_id_and_a_key_variable_together_are_contradictory()
    {
        var error = Invalid(new ModelProviderOptions
        {
            Provider = "azure-openai", Endpoint = "https://mge.openai.azure.com/", Model = "gpt-4o", UseEntraId = true, ApiKeyVariable = "AZURE_OPENAI_API_KEY",
        }, new() { ["AZURE_OPENAI_API_KEY"] = "k" });

        Assert.Contains("Mge:Model:UseEntraId is true and Mge:Model:ApiKeyVariable is set", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_client_id_without_entra_id_is_contradictory()
    {
        var error = Invalid(new ModelProviderOptions { Provider = "azure-openai", Endpoint = "https://mge.openai.azure.com/", Model = "gpt-4o", ClientId = "abc" }, new() { ["AZURE_OPENAI_API_KEY"] = "k" });

        Assert.Contains("Mge:Model:ClientId is set but Mge:Model:UseEntraId is false", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_provider_lists_the_accepted_ones()
    {
        var error = Invalid(new ModelProviderOptions { Provider = "anthropic", Model = "x" });

        Assert.Contains("Mge:Model:Provider 'anthropic' is not a provider; use one of azure-openai, openai, offline", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Offline_with_an_endpoint_or_a_model_is_contradictory()
    {
        var error = Invalid(new ModelProviderOptions { Provider = "offline", Endpoint = "http://localhost:11434/v1", Model = "llama3" });

        Assert.Equal(2, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.StartsWith("Mge:Model:Endpoint is set but Mge:Model:Provider is offline", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("Mge:Model:Model is 'llama3' but Mge:Model:Provider is offline", StringComparison.Ordinal));
    }

    [Fact]
    public void An_endpoint_without_a_provider_asks_for_the_provider()
    {
        var error = Invalid(new ModelProviderOptions { Endpoint = "http://localhost:11434/v1" });

        Assert.Contains("Mge:Model:Provider is not set but Mge:Model:Endpoint is", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Openai_without_a_key_and_without_an_endpoint_needs_the_key()
    {
        var error = Invalid(new ModelProviderOptions { Provider = "openai", Model = "gpt-4o-mini" });

        Assert.Contains("OPENAI_API_KEY is empty or not set and Mge:Model:Endpoint is not set", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Openai_to_a_local_server_may_be_keyless()
    {
        var settings = new ModelProviderOptions { Provider = "openai", Endpoint = "http://localhost:11434/v1", Model = "llama3.1" }.Resolve(Env(NoVariables));

        Assert.Null(settings.ApiKey);
        Assert.Equal("none", settings.Authentication);
    }

    [Fact]
    public void Openai_rejects_entra_id()
    {
        var error = Invalid(new ModelProviderOptions { Provider = "openai", Endpoint = "http://localhost:8000/v1", Model = "m", UseEntraId = true });

        Assert.Contains("apply to azure-openai only", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var error = Invalid(new ModelProviderOptions { Provider = "azure-openai", Endpoint = "not a url", Model = "a", Deployment = "b", MaxRetries = 99 });

        Assert.Contains(error.Problems, p => p.Contains("Mge:Model:Endpoint 'not a url' is not an absolute http(s) URL", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("Mge:Model:Model ('a') and Mge:Model:Deployment ('b') disagree", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("Mge:Model:MaxRetries is 99", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("AZURE_OPENAI_API_KEY", StringComparison.Ordinal));
        Assert.StartsWith("Invalid model configuration:" + Environment.NewLine + " - ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_roles_and_empty_role_models_are_reported()
    {
        var options = new ModelProviderOptions { Provider = "openai", Endpoint = "http://localhost:8000/v1", Model = "m" };
        options.Roles["Architect"] = new RoleModelOptions { Model = "x" };
        options.Roles["Code"] = new RoleModelOptions();

        var error = Invalid(options);

        Assert.Contains(error.Problems, p => p.StartsWith("Mge:Model:Roles:Architect is not a role; roles are Discovery, Planning, Code, Repair, Chat", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("Mge:Model:Roles:Code:Model is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void A_timeout_written_as_a_bare_number_is_caught()
    {
        var error = Invalid(Bind(("Mge:Model:Provider", "openai"), ("Mge:Model:Endpoint", "http://localhost:8000/v1"), ("Mge:Model:Model", "m"), ("Mge:Model:Timeout", "120")));

        Assert.Contains("Mge:Model:Timeout is 120.00:00:00", Assert.Single(error.Problems), StringComparison.Ordinal);
    }
}
