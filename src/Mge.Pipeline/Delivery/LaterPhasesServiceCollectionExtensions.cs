using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Mge.Pipeline.Atomization;
using Mge.Pipeline.Infrastructure;
using Mge.Pipeline.Verification;
using Mge.Pipeline.Waves;
using Mge.Pipeline.Workspace;

namespace Mge.Pipeline.Delivery;

/// <summary>
/// Registers phases 5-11 (atomization, wave planning and execution, file writing, infrastructure, verification, delivery),
/// the template renderer (options from "Mge:Templates") and the wave plan store. Called by AddMgePipeline;
/// safe to call twice.
/// </summary>
public static class LaterPhasesServiceCollectionExtensions
{
    public const string TemplatesSectionName = "Mge:Templates";

    public static IServiceCollection AddMgeLaterPhases(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var templates = services.AddOptions<TemplateRendererOptions>();
        var verification = services.AddOptions<VerificationOptions>();
        if (configuration is not null)
        {
            templates.Bind(configuration.GetSection(TemplatesSectionName));
            verification.Bind(configuration.GetSection(VerificationOptions.SectionName));
        }

        services.TryAddSingleton<TemplateRenderer>();
        services.TryAddTransient<WavePlanStore>();
        services.TryAddTransient<AtomizationPhase>();
        services.TryAddTransient<WavePlanningPhase>();
        services.TryAddTransient<WaveExecutionPhase>();
        services.TryAddTransient<FileWritingPhase>();
        services.TryAddTransient<InfrastructurePhase>();
        services.TryAddTransient<VerificationStore>();
        // The phase takes an ISandbox where the host registers one (local hosts); without one its steps are "not run".
        services.TryAddTransient<VerificationPhase>();
        services.TryAddTransient<DeliveryPhase>();
        return services;
    }
}
