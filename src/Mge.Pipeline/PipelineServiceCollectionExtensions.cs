using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Mge.CodeIntelligence.Languages;
using Mge.CodeIntelligence.Languages.JavaScript;
using Mge.CodeIntelligence.Languages.Python;
using Mge.Pipeline.CodeGeneration;
using Mge.Pipeline.Costs;
using Mge.Pipeline.Delivery;
using Mge.Pipeline.Discovery;
using Mge.Pipeline.Planning;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Prompting;
using Mge.Pipeline.Requests;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;
using Mge.Pipeline.Validation;

namespace Mge.Pipeline;

/// <summary>
/// Registers the pipeline: options, prices, the model gateway, prompts, the run journal, storage access,
/// progress publishing, the language services and every phase. Hosts add storage
/// (<see cref="AddMgeInMemoryStorage"/> or <see cref="AddMgeFileStorage"/>), an <c>IChatClient</c>, logging,
/// and any number of <see cref="IProgressObserver"/>s.
/// </summary>
public static class PipelineServiceCollectionExtensions
{
    public static IServiceCollection AddMgePipeline(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        var pipelineOptions = services.AddOptions<PipelineOptions>();
        var priceOptions = services.AddOptions<PriceTable>();
        if (configuration is not null)
        {
            pipelineOptions.Bind(configuration.GetSection(PipelineOptions.SectionName));
            priceOptions.Bind(configuration.GetSection(PriceTable.SectionName));
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RunRepository>();
        services.TryAddSingleton<CostCalculator>();
        services.TryAddSingleton<IProgressPublisher, ProgressPublisher>();
        services.TryAddSingleton<GenerationRequestValidator>();
        services.TryAddTransient<ModelGateway>();
        services.TryAddTransient<RunJournal>();
        services.TryAddTransient<BudgetStop>();
        services.TryAddSingleton<PromptTemplates>();
        services.TryAddSingleton<PromptBuilder>();
        services.TryAddTransient<TaskPromptSource>();

        // Phases (the spec's table), one instance per activity execution.
        services.TryAddTransient<DiscoveryPhase>();
        services.TryAddTransient<MasterPlanPhase>();
        services.TryAddTransient<CodeGenerationPhase>();
        services.TryAddTransient<ValidationPhase>();
        services.AddMgeLaterPhases(configuration);

        AddLanguageServices(services);

        return services;
    }

    /// <summary>Records and blobs in process memory (tests, one-shot local runs).</summary>
    public static IServiceCollection AddMgeInMemoryStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.RemoveAll<IRecordStore>();
        services.RemoveAll<IBlobStore>();
        services.AddSingleton<IRecordStore, InMemoryRecordStore>();
        services.AddSingleton<IBlobStore, InMemoryBlobStore>();
        return services;
    }

    /// <summary>Records and blobs under a local folder ("{root}/tables", "{root}/blobs"): a local run survives a restart.</summary>
    public static IServiceCollection AddMgeFileStorage(this IServiceCollection services, string root)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        services.RemoveAll<IRecordStore>();
        services.RemoveAll<IBlobStore>();
        services.AddSingleton<IRecordStore>(_ => new FileRecordStore(root));
        services.AddSingleton<IBlobStore>(_ => new FileBlobStore(root));
        return services;
    }

    private static void AddLanguageServices(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILanguageService, PythonLanguageService>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILanguageService, JavaScriptLanguageService>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILanguageService, TypeScriptLanguageService>());
        services.TryAddSingleton<LanguageServices>();
    }
}
