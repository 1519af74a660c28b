using Mge.Pipeline.Domain;

namespace Mge.Pipeline;

/// <summary>The pipeline's settings, bound from configuration section "Mge:Pipeline".</summary>
public sealed class PipelineOptions
{
    public const string SectionName = "Mge:Pipeline";

    /// <summary>Longest accepted request, in characters.</summary>
    public int MaxRequestLength { get; set; } = 20_000;

    /// <summary>Default model calls in flight during code generation (a run's options may override it).</summary>
    public int Concurrency { get; set; } = 10;

    public int MaxWaveSize { get; set; } = 50;
    public int MaxRepairAttempts { get; set; } = 2;
    public int MaxAtomRepairAttempts { get; set; } = 2;
    public int AtomBatchSize { get; set; } = 25;

    /// <summary>Model calls for one JSON answer (discovery, masterplan): the first plus retries with the parse error fed back.</summary>
    public int MaxJsonAttempts { get; set; } = 3;

    /// <summary>Model id per <see cref="Prompting.ModelRole"/> name ("Code": "gpt-4.1"); roles not listed use the chat client's default.</summary>
    public Dictionary<string, string> Models { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Model id used for the estimates of start events when no model is configured for the role.</summary>
    public string EstimateModel { get; set; } = "gpt-4o-mini";

    /// <summary>Output speed assumed by the discovery estimate.</summary>
    public double EstimatedOutputTokensPerSecond { get; set; } = 60;

    public int EstimatedDiscoveryOutputTokens { get; set; } = 1_500;
    public int EstimatedMasterPlanOutputTokens { get; set; } = 5_000;

    /// <summary>Answer length assumed for a code, repair or chat call when the budget check estimates its cost.</summary>
    public int EstimatedCodeOutputTokens { get; set; } = 1_500;

    /// <summary>
    /// Default budget cap of a run in USD (a run's <see cref="GenerationOptions.BudgetUsd"/> overrides it); 0 turns
    /// the cap off. A model call that would take the run's spending past it is not made: the run stops with status
    /// "budget_exceeded" and can be resumed with a higher cap.
    /// </summary>
    public decimal RunCapUsd { get; set; } = 5m;

    /// <summary>The generation options a host uses when the caller sets none.</summary>
    public GenerationOptions DefaultGenerationOptions(ProjectType? projectType = null) => new()
    {
        ProjectType = projectType,
        Concurrency = Concurrency,
        MaxWaveSize = MaxWaveSize,
        MaxRepairAttempts = MaxRepairAttempts,
        MaxAtomRepairAttempts = MaxAtomRepairAttempts,
        AtomBatchSize = AtomBatchSize,
    };
}
