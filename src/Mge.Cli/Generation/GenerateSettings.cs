using Mge.Pipeline.Domain;

namespace Mge.Cli.Generation;

/// <summary>A checked <c>mge generate</c> invocation.</summary>
/// <param name="OutputDirectory">Absolute; created and known to be writable.</param>
/// <param name="ProjectType">Null: detected from the request.</param>
/// <param name="FaultRate">Share of offline-model answers deliberately broken (0..1), to exercise validation and repair.</param>
/// <param name="Model">The --provider/--endpoint/--model flags (applied over the environment's Mge:Model settings).</param>
/// <param name="BudgetUsd">The run's budget cap in USD (null: the configured default; 0: no cap).</param>
/// <param name="Storage">Where the run lives: null for the local folder "&lt;out&gt;/.mge" (in-memory engine), else the checked --storage.</param>
public sealed record GenerateSettings(
    string Request,
    string OutputDirectory,
    ProjectType? ProjectType,
    int Concurrency,
    int MaxWaveSize,
    double FaultRate,
    bool Json,
    Runs.RunStorage? Storage = null,
    ModelFlags? Model = null,
    decimal? BudgetUsd = null);
