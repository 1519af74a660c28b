using Mge.Models.Providers;
using Microsoft.Extensions.Configuration;

namespace Mge.Cli.Generation;

/// <summary>
/// The model flags of <c>mge generate</c> (--provider, --endpoint, --model), laid over the configuration read
/// from the environment (Mge__Model__*), so flags win and everything else (keys, per-role models, retries)
/// still comes from configuration. API keys are never flags: they stay in environment variables.
/// </summary>
public sealed record ModelFlags(string? Provider, string? Endpoint, string? Model)
{
    public bool Any => Provider is not null || Endpoint is not null || Model is not null;

    /// <summary>The configuration with the flags applied.</summary>
    public IConfiguration Apply(IConfiguration configuration)
    {
        if (!Any)
        {
            return configuration;
        }

        var overrides = new Dictionary<string, string?>(StringComparer.Ordinal);
        Set(overrides, "Provider", Provider);
        Set(overrides, "Endpoint", Endpoint);
        Set(overrides, "Model", Model);
        return new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(overrides).Build();
    }

    /// <summary>Checks the effective model settings; a problem names the setting or flag to change.</summary>
    public static void Check(IConfiguration configuration)
    {
        try
        {
            ModelProviderOptions.FromConfiguration(configuration).Validate();
        }
        catch (ModelConfigurationException ex)
        {
            throw new CliUsageException(string.Join(" ", ex.Problems));
        }
    }

    /// <summary>Whether a provider other than the built-in offline model is configured.</summary>
    public static bool UsesRemoteProvider(IConfiguration configuration) =>
        ModelProviderOptions.FromConfiguration(configuration).EffectiveProvider != ModelProviderNames.Offline;

    private static void Set(Dictionary<string, string?> overrides, string name, string? value)
    {
        if (value is not null)
        {
            overrides[$"{ModelProviderOptions.SectionName}:{name}"] = value;
        }
    }
}
