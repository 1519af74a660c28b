using Mge.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mge.Functions.Composition;

/// <summary>
/// The one place the Functions app chooses its model (the <c>IChatClient</c> every phase calls), from
/// "Mge:Model:Provider". Today only the built-in offline model exists; a provider adapter (Azure OpenAI, an
/// OpenAI-compatible endpoint) adds its case here. A provider this build does not have fails the start-up with
/// its name rather than quietly answering with the offline model.
/// </summary>
public static class ModelRegistration
{
    public const string Offline = "offline";

    /// <summary>Registers the model and returns the provider's name.</summary>
    public static string AddMgeModel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = configuration[FunctionsSettings.ModelProvider]?.Trim();
        switch (provider?.ToLowerInvariant())
        {
            case null or "" or Offline:
                services.AddMgeOfflineModel();
                return Offline;
            default:
                throw new InvalidOperationException(
                    $"{FunctionsSettings.ModelProvider} (app setting {FunctionsSettings.AppSetting(FunctionsSettings.ModelProvider)}) is '{provider}', " +
                    $"which this build does not include; supported: {Offline}. Remove the setting to use the offline model.");
        }
    }
}
