using Mge.Models;
using Mge.Models.Providers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mge.Functions.Composition;

/// <summary>
/// The one place the Functions app chooses its model (the <c>IChatClient</c>s every phase calls), from section
/// "Mge:Model" through Mge.Models' <c>AddMgeModels</c>: the offline model when no provider is set, else Azure
/// OpenAI (key or Entra ID / managed identity) or an OpenAI-compatible endpoint. Invalid or contradictory model
/// settings fail the start-up with every problem named (<see cref="ModelConfigurationException"/>).
/// </summary>
public static class ModelRegistration
{
    public const string Offline = ModelProviderNames.Offline;

    /// <summary>Registers the model and returns "{provider} ({default model})" for the start-up log.</summary>
    public static string AddMgeModel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddMgeModels(configuration);
        var descriptor = services.Last(d => d.ServiceType == typeof(ModelDescriptor) && !d.IsKeyedService).ImplementationInstance as ModelDescriptor
            ?? throw new InvalidOperationException("AddMgeModels registered no ModelDescriptor instance.");
        return $"{descriptor.Provider} ({descriptor.DefaultModel})";
    }
}
