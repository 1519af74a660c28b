using System.Globalization;
using System.Text.Json.Nodes;
using Mge.Pipeline.Costs;
using Mge.Pipeline.Runs;

namespace Mge.Pipeline.Progress;

/// <summary>
/// Builds the events of the seed's catalogue, one method per event type, with the seed's snake_case data
/// fields and a deterministic key "{phase ordinal:D2}-{type}-{subject}". One run is one session, one
/// discovery, one masterplan and one execution, so session_id, discovery_id, masterplan_id and execution_id
/// are all the run id. Discovery and masterplan events carry session_id (as in the seed), later events
/// masterplan_id; cost_update and error carry both.
/// </summary>
public static class ProgressEvents
{
    public const string DiscoveryGenerationStartType = "discovery_generation_start";
    public const string DiscoveryTokensProgressType = "discovery_tokens_progress";
    public const string DiscoveryEntityDiscoveredType = "discovery_entity_discovered";
    public const string DiscoveryGenerationCompleteType = "discovery_generation_complete";
    public const string MasterPlanGenerationStartType = "masterplan_generation_start";
    public const string MasterPlanTokensProgressType = "masterplan_tokens_progress";
    public const string MasterPlanEntityDiscoveredType = "masterplan_entity_discovered";
    public const string MasterPlanGenerationCompleteType = "masterplan_generation_complete";
    public const string CodeGenerationProgressType = "code_generation_progress";
    public const string CodeGenerationCompleteType = "code_generation_complete";
    public const string CodeValidationCompleteType = "code_validation_complete";
    public const string AtomizationProgressType = "atomization_progress";
    public const string AtomizationCompleteType = "atomization_complete";
    public const string ExecutionWaveStartType = "execution_wave_start";
    public const string ExecutionWaveCompleteType = "execution_wave_complete";
    public const string ExecutionCompleteType = "execution_complete";
    public const string FileWritingProgressType = "file_writing_progress";
    public const string InfrastructureGenerationCompleteType = "infrastructure_generation_complete";
    public const string VerificationStepStartType = "verification_step_start";
    public const string VerificationStepCompleteType = "verification_step_complete";
    public const string CompleteType = "complete";
    public const string CostUpdateType = "cost_update";
    public const string ErrorType = "error";

    /// <summary>The subject of events that happen once per run.</summary>
    public const string RunSubject = "run";

    /// <summary>The key of an event: "{phase ordinal:D2}-{type}-{subject}" ("03-code_generation_progress-0007").</summary>
    public static string Key(PipelinePhase phase, string type, string subject) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)phase:D2}-{type}-{subject}");

    // Phase 1: discovery

    public static ProgressEvent DiscoveryGenerationStart(string runId, long estimatedTokens, double estimatedDurationSeconds, decimal estimatedCostUsd) =>
        Create(runId, PipelinePhase.Discovery, DiscoveryGenerationStartType, RunSubject, new JsonObject
        {
            ["session_id"] = runId,
            ["estimated_tokens"] = estimatedTokens,
            ["estimated_duration_seconds"] = Math.Round(estimatedDurationSeconds, 1),
            ["estimated_cost_usd"] = estimatedCostUsd,
        });

    /// <param name="attempt">The model call the tokens belong to (1, or 2.. for JSON retries); part of the key.</param>
    public static ProgressEvent DiscoveryTokensProgress(string runId, long tokensReceived, long estimatedTotal, int attempt = 1) =>
        Create(runId, PipelinePhase.Discovery, DiscoveryTokensProgressType, Number(attempt), new JsonObject
        {
            ["session_id"] = runId,
            ["tokens_received"] = tokensReceived,
            ["estimated_total"] = estimatedTotal,
        });

    /// <param name="entityType">domain | bounded_context | aggregate | entity.</param>
    /// <param name="count">How many of this type have been discovered so far, this one included (1-based); part of the key.</param>
    public static ProgressEvent DiscoveryEntityDiscovered(string runId, string entityType, string name, int count) =>
        Create(runId, PipelinePhase.Discovery, DiscoveryEntityDiscoveredType, $"{entityType}-{Number(count)}", new JsonObject
        {
            ["session_id"] = runId,
            ["entity_type"] = entityType,
            ["name"] = name,
            ["count"] = count,
        });

    public static ProgressEvent DiscoveryGenerationComplete(string runId, int totalBoundedContexts, int totalAggregates, int totalEntities) =>
        Create(runId, PipelinePhase.Discovery, DiscoveryGenerationCompleteType, RunSubject, new JsonObject
        {
            ["session_id"] = runId,
            ["discovery_id"] = runId,
            ["total_bounded_contexts"] = totalBoundedContexts,
            ["total_aggregates"] = totalAggregates,
            ["total_entities"] = totalEntities,
        });

    // Phase 2: masterplan

    public static ProgressEvent MasterPlanGenerationStart(string runId, long estimatedTokens, decimal estimatedCostUsd) =>
        Create(runId, PipelinePhase.MasterPlan, MasterPlanGenerationStartType, RunSubject, new JsonObject
        {
            ["session_id"] = runId,
            ["discovery_id"] = runId,
            ["estimated_tokens"] = estimatedTokens,
            ["estimated_cost_usd"] = estimatedCostUsd,
        });

    public static ProgressEvent MasterPlanTokensProgress(string runId, long tokensReceived, long estimatedTotal, int attempt = 1) =>
        Create(runId, PipelinePhase.MasterPlan, MasterPlanTokensProgressType, Number(attempt), new JsonObject
        {
            ["session_id"] = runId,
            ["tokens_received"] = tokensReceived,
            ["estimated_total"] = estimatedTotal,
        });

    /// <param name="entityType">phase | milestone | task.</param>
    /// <param name="count">How many of this type so far, this one included; part of the key.</param>
    public static ProgressEvent MasterPlanEntityDiscovered(string runId, string entityType, int count, string? name = null)
    {
        var data = new JsonObject
        {
            ["session_id"] = runId,
            ["entity_type"] = entityType,
            ["count"] = count,
        };
        if (name is not null)
        {
            data["name"] = name;
        }

        return Create(runId, PipelinePhase.MasterPlan, MasterPlanEntityDiscoveredType, $"{entityType}-{Number(count)}", data);
    }

    public static ProgressEvent MasterPlanGenerationComplete(string runId, int totalPhases, int totalMilestones, int totalTasks, decimal generationCostUsd) =>
        Create(runId, PipelinePhase.MasterPlan, MasterPlanGenerationCompleteType, RunSubject, new JsonObject
        {
            ["session_id"] = runId,
            ["masterplan_id"] = runId,
            ["total_phases"] = totalPhases,
            ["total_milestones"] = totalMilestones,
            ["total_tasks"] = totalTasks,
            ["generation_cost_usd"] = generationCostUsd,
        });

    // Phase 3: code generation

    /// <param name="completed">Tasks finished so far (this one included); with <paramref name="total"/> it makes progress "45/120".</param>
    public static ProgressEvent CodeGenerationProgress(string runId, int taskNumber, string taskTitle, int completed, int total, int codeLength, bool success) =>
        Create(runId, PipelinePhase.CodeGeneration, CodeGenerationProgressType, Number(taskNumber), new JsonObject
        {
            ["masterplan_id"] = runId,
            ["task_number"] = taskNumber,
            ["task_title"] = taskTitle,
            ["progress"] = Progress(completed, total),
            ["code_length"] = codeLength,
            ["success"] = success,
        });

    public static ProgressEvent CodeGenerationComplete(string runId, int totalTasks, int tasksSucceeded, int tasksFailed, UsageTotals usage) =>
        Create(runId, PipelinePhase.CodeGeneration, CodeGenerationCompleteType, RunSubject, new JsonObject
        {
            ["masterplan_id"] = runId,
            ["total_tasks"] = totalTasks,
            ["tasks_succeeded"] = tasksSucceeded,
            ["tasks_failed"] = tasksFailed,
            ["llm_tokens_total"] = usage.TotalTokens,
            ["llm_cost_usd"] = usage.CostUsd,
        });

    // Phase 4: validation

    /// <param name="round">0 for the first validation, k after the k-th repair round; part of the key.</param>
    public static ProgressEvent CodeValidationComplete(string runId, int round, int totalTasks, int validationErrors, int warnings, int failingTasks, IReadOnlyList<string> checksSkipped) =>
        Create(runId, PipelinePhase.Validation, CodeValidationCompleteType, Number(round), new JsonObject
        {
            ["masterplan_id"] = runId,
            ["total_tasks"] = totalTasks,
            ["validation_errors"] = validationErrors,
            ["warnings"] = warnings,
            ["failing_tasks"] = failingTasks,
            ["round"] = round,
            ["checks_skipped"] = new JsonArray(checksSkipped.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
        });

    // Phase 5: atomization

    public static ProgressEvent AtomizationProgress(string runId, int taskNumber, int atomsCreated, int completed, int total) =>
        Create(runId, PipelinePhase.Atomization, AtomizationProgressType, Number(taskNumber), new JsonObject
        {
            ["masterplan_id"] = runId,
            ["task_number"] = taskNumber,
            ["atoms_created"] = atomsCreated,
            ["progress"] = Progress(completed, total),
        });

    public static ProgressEvent AtomizationComplete(string runId, int totalTasks, int totalAtoms) =>
        Create(runId, PipelinePhase.Atomization, AtomizationCompleteType, RunSubject, new JsonObject
        {
            ["masterplan_id"] = runId,
            ["total_tasks"] = totalTasks,
            ["total_atoms"] = totalAtoms,
        });

    // Phase 7: wave execution

    /// <param name="batch">The batch of the wave that publishes it (each batch activity may be the first to start the wave); part of the key when given.</param>
    public static ProgressEvent ExecutionWaveStart(string runId, int waveNumber, int totalWaves, int atomsInWave, int? batch = null) =>
        Create(runId, PipelinePhase.WaveExecution, ExecutionWaveStartType,
            batch is { } b ? $"{Number(waveNumber)}-{Number(b)}" : Number(waveNumber), new JsonObject
            {
                ["masterplan_id"] = runId,
                ["execution_id"] = runId,
                ["wave_number"] = waveNumber,
                ["total_waves"] = totalWaves,
                ["atoms_in_wave"] = atomsInWave,
            });

    public static ProgressEvent ExecutionWaveComplete(string runId, int waveNumber, int atomsSucceeded, int atomsFailed, double durationSeconds, int atomsRepaired = 0) =>
        Create(runId, PipelinePhase.WaveExecution, ExecutionWaveCompleteType, Number(waveNumber), new JsonObject
        {
            ["masterplan_id"] = runId,
            ["wave_number"] = waveNumber,
            ["atoms_succeeded"] = atomsSucceeded,
            ["atoms_failed"] = atomsFailed,
            ["atoms_repaired"] = atomsRepaired,
            ["duration_seconds"] = Math.Round(durationSeconds, 3),
        });

    /// <param name="precision">(passed + repaired) / atoms, 0..1.</param>
    public static ProgressEvent ExecutionComplete(string runId, int totalWaves, int totalAtoms, int atomsPassed, int atomsRepaired, int atomsFailed, double precision) =>
        Create(runId, PipelinePhase.WaveExecution, ExecutionCompleteType, RunSubject, new JsonObject
        {
            ["masterplan_id"] = runId,
            ["execution_id"] = runId,
            ["total_waves"] = totalWaves,
            ["total_atoms"] = totalAtoms,
            ["atoms_passed"] = atomsPassed,
            ["atoms_repaired"] = atomsRepaired,
            ["atoms_failed"] = atomsFailed,
            ["precision"] = precision,
        });

    // Phases 8-9

    /// <param name="filesWritten">Files written so far; part of the key, so each step of progress is kept.</param>
    public static ProgressEvent FileWritingProgress(string runId, int filesWritten, string workspacePath, int? totalFiles = null)
    {
        var data = new JsonObject
        {
            ["masterplan_id"] = runId,
            ["files_written"] = filesWritten,
            ["workspace_path"] = workspacePath,
        };
        if (totalFiles is { } total)
        {
            data["total_files"] = total;
        }

        return Create(runId, PipelinePhase.FileWriting, FileWritingProgressType, Number(filesWritten), data);
    }

    public static ProgressEvent InfrastructureGenerationComplete(string runId, int filesGenerated, string projectType) =>
        Create(runId, PipelinePhase.Infrastructure, InfrastructureGenerationCompleteType, RunSubject, new JsonObject
        {
            ["masterplan_id"] = runId,
            ["files_generated"] = filesGenerated,
            ["project_type"] = projectType,
        });

    // Phase 10: verification

    /// <param name="step">"install", "test" or "smoke"; the key's subject.</param>
    public static ProgressEvent VerificationStepStart(string runId, string step) =>
        Create(runId, PipelinePhase.Verification, VerificationStepStartType, step, new JsonObject
        {
            ["masterplan_id"] = runId,
            ["step"] = step,
        });

    /// <param name="step">"install", "test" or "smoke"; the key's subject.</param>
    /// <param name="status">"passed", "failed: ..." or "not run: ...".</param>
    /// <param name="passed">Tests (test) or probes (smoke) passed.</param>
    /// <param name="failed">Tests or probes failed.</param>
    /// <param name="notRun">Tests skipped or probes not made.</param>
    public static ProgressEvent VerificationStepComplete(string runId, string step, string status, int passed, int failed, int notRun, double durationSeconds, string isolation) =>
        Create(runId, PipelinePhase.Verification, VerificationStepCompleteType, step, new JsonObject
        {
            ["masterplan_id"] = runId,
            ["step"] = step,
            ["status"] = status,
            ["passed"] = passed,
            ["failed"] = failed,
            ["not_run"] = notRun,
            ["duration_seconds"] = Math.Round(durationSeconds, 3),
            ["isolation"] = isolation,
        });

    // Phase 11: delivery

    /// <param name="executionTime">Seconds from the start of the run.</param>
    /// <param name="workspacePath">Where the result is: the zip's blob name (container "workspaces") or a local path.</param>
    public static ProgressEvent Complete(string runId, int totalTasks, int totalAtoms, int totalWaves, double precision, double executionTime, string workspacePath, UsageTotals usage) =>
        Create(runId, PipelinePhase.Delivery, CompleteType, RunSubject, new JsonObject
        {
            ["masterplan_id"] = runId,
            ["execution_id"] = runId,
            ["total_tasks"] = totalTasks,
            ["total_atoms"] = totalAtoms,
            ["total_waves"] = totalWaves,
            ["precision"] = precision,
            ["execution_time"] = Math.Round(executionTime, 3),
            ["workspace_path"] = workspacePath,
            ["llm_tokens_total"] = usage.TotalTokens,
            ["generation_cost_usd"] = usage.CostUsd,
        });

    // Cross-cutting

    /// <summary>After each model call (keyed by the call key): the call's usage and the run's running totals.</summary>
    public static ProgressEvent CostUpdate(string runId, PipelinePhase phase, string callKey, string model, UsageTotals call, UsageTotals runTotals) =>
        Create(runId, phase, CostUpdateType, callKey, new JsonObject
        {
            ["session_id"] = runId,
            ["masterplan_id"] = runId,
            ["call_key"] = callKey,
            ["model"] = model,
            ["tokens_input"] = call.InputTokens,
            ["tokens_output"] = call.OutputTokens,
            ["tokens_cached"] = call.CachedTokens,
            ["cached_share"] = call.CachedShare,
            ["cost_usd"] = call.CostUsd,
            ["total_tokens_input"] = runTotals.InputTokens,
            ["total_tokens_output"] = runTotals.OutputTokens,
            ["total_tokens_cached"] = runTotals.CachedTokens,
            ["total_cached_share"] = runTotals.CachedShare,
            ["total_cost_usd"] = runTotals.CostUsd,
            ["total_calls"] = runTotals.Calls,
        });

    /// <summary>A phase-level cost snapshot (e.g. at the end of code generation), keyed by <paramref name="subject"/>.</summary>
    public static ProgressEvent CostUpdate(string runId, PipelinePhase phase, string subject, UsageTotals runTotals) =>
        Create(runId, phase, CostUpdateType, subject, new JsonObject
        {
            ["session_id"] = runId,
            ["masterplan_id"] = runId,
            ["total_tokens_input"] = runTotals.InputTokens,
            ["total_tokens_output"] = runTotals.OutputTokens,
            ["total_tokens_cached"] = runTotals.CachedTokens,
            ["total_cached_share"] = runTotals.CachedShare,
            ["total_cost_usd"] = runTotals.CostUsd,
            ["total_calls"] = runTotals.Calls,
        });

    public static ProgressEvent Error(string runId, PipelinePhase phase, string message) =>
        Create(runId, phase, ErrorType, RunSubject, new JsonObject
        {
            ["session_id"] = runId,
            ["masterplan_id"] = runId,
            ["phase"] = PhaseName(phase),
            ["message"] = message,
        });

    /// <summary>An <c>error</c> event for a run stopped at its budget cap: code "budget_exceeded", what it spent and its cap (USD).</summary>
    public static ProgressEvent BudgetExceeded(string runId, PipelinePhase phase, string message, decimal spentUsd, decimal capUsd) =>
        Create(runId, phase, ErrorType, RunSubject, new JsonObject
        {
            ["session_id"] = runId,
            ["masterplan_id"] = runId,
            ["phase"] = PhaseName(phase),
            ["message"] = message,
            ["code"] = "budget_exceeded",
            ["spent_usd"] = spentUsd,
            ["cap_usd"] = capUsd,
        });

    /// <summary>The phase's snake_case name ("code_generation"), as events and summaries show it.</summary>
    public static string PhaseName(PipelinePhase phase) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(phase.ToString());

    private static ProgressEvent Create(string runId, PipelinePhase phase, string type, string subject, JsonObject data)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        return new ProgressEvent(runId, Key(phase, type, subject), type, DateTimeOffset.UtcNow, data);
    }

    private static string Number(int value) => value.ToString("D4", CultureInfo.InvariantCulture);

    private static string Progress(int completed, int total) => string.Create(CultureInfo.InvariantCulture, $"{completed}/{total}");
}
