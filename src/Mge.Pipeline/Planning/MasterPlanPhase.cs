using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mge.Pipeline.Costs;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Infrastructure;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Prompting;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;

namespace Mge.Pipeline.Planning;

/// <summary>
/// Phase 2: the masterplan (phases -> milestones -> tasks), asked as structured JSON output (schema
/// <see cref="OutputSchemas.MasterPlan"/>) and streamed (masterplan_tokens_progress), with bounded retries, checked and
/// cleaned by <see cref="PlanValidator"/>, stored as the run's <see cref="MasterPlanRecord"/> and one
/// <see cref="TaskRecord"/> per task, reported with the seed's masterplan_* events. Returns the task graph.
/// </summary>
public sealed class MasterPlanPhase
{
    private readonly RunJournal _journal;
    private readonly RunRepository _repository;
    private readonly ModelGateway _gateway;
    private readonly PromptBuilder _prompts;
    private readonly IProgressPublisher _progress;
    private readonly CostCalculator _costs;
    private readonly PipelineOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<MasterPlanPhase> _logger;

    public MasterPlanPhase(
        RunJournal journal,
        RunRepository repository,
        ModelGateway gateway,
        PromptBuilder prompts,
        IProgressPublisher progress,
        CostCalculator costs,
        IOptions<PipelineOptions> options,
        TimeProvider time,
        ILogger<MasterPlanPhase> logger)
    {
        _journal = journal;
        _repository = repository;
        _gateway = gateway;
        _prompts = prompts;
        _progress = progress;
        _costs = costs;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    public async Task<PlanOutline> RunAsync(string runId, CancellationToken cancellationToken = default)
    {
        await _journal.MarkPhaseAsync(runId, PipelinePhase.MasterPlan, cancellationToken).ConfigureAwait(false);
        var request = await _journal.GetRequestAsync(runId, cancellationToken).ConfigureAwait(false);
        var discovery = await _repository.GetDiscoveryAsync(runId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Run '{runId}' has no discovery; run the discovery phase first.");

        var stack = ProjectStacks.For(discovery.ProjectType);
        var firstPrompt = _prompts.MasterPlan(request.Request, discovery.ProjectType, discovery.Document);
        var estimatedInput = TokenEstimator.Estimate(ModelGateway.RenderPrompt(firstPrompt));
        var estimatedOutput = (long)_options.EstimatedMasterPlanOutputTokens;
        var estimateModel = _options.Models.GetValueOrDefault(nameof(ModelRole.Planning)) ?? _options.EstimateModel;
        await _progress.PublishAsync(ProgressEvents.MasterPlanGenerationStart(
            runId, estimatedInput + estimatedOutput, _costs.Estimate(estimateModel, estimatedInput, estimatedOutput)), cancellationToken).ConfigureAwait(false);

        PlanCheck? accepted = null;
        var answer = await JsonAnswerRequester.RequestAsync<MasterPlan>(
            _gateway,
            runId,
            ModelRole.Planning,
            StorageKeys.Calls.MasterPlanAttempt,
            (attempt, problem) => attempt == 1 ? firstPrompt : _prompts.MasterPlan(request.Request, discovery.ProjectType, discovery.Document, attempt, problem),
            _options.MaxJsonAttempts,
            OutputSchemas.MasterPlan,
            check: plan =>
            {
                var check = PlanValidator.Check(plan, stack);
                accepted = check.Problem is null ? check : null;
                return check.Problem;
            },
            onTokens: (attempt, tokens, ct) => new ValueTask(_progress.PublishAsync(
                ProgressEvents.MasterPlanTokensProgress(runId, tokens, Math.Max(estimatedOutput, tokens), attempt), ct)),
            cancellationToken: cancellationToken).ConfigureAwait(false);

        if (answer.Value is null || accepted?.Plan is null)
        {
            throw new PhaseFailedException(PipelinePhase.MasterPlan, answer.FailureMessage("masterplan"));
        }

        var plan = accepted.Plan;
        foreach (var note in accepted.Notes)
        {
            _logger.LogInformation("Run {RunId}: masterplan cleaned: {Note}", runId, note);
        }

        await SaveTasksAsync(runId, plan, cancellationToken).ConfigureAwait(false);
        await PublishEntitiesAsync(runId, plan, cancellationToken).ConfigureAwait(false);

        var planningUsage = UsageTotals.Sum(answer.Calls.Select(c => c.Usage));
        var runUsage = await _repository.SumCallsAsync(runId, cancellationToken: cancellationToken).ConfigureAwait(false);
        var existing = await _repository.GetMasterPlanAsync(runId, cancellationToken).ConfigureAwait(false);
        var tasks = plan.Tasks.OrderBy(t => t.Number).ToList();
        var phases = plan.Phases.Count;
        var milestones = plan.Milestones.Count();
        var record = new MasterPlanRecord
        {
            MasterPlanId = runId,
            DiscoveryId = discovery.DiscoveryId,
            ProjectName = string.IsNullOrWhiteSpace(plan.ProjectName) ? discovery.Document.ProjectName : plan.ProjectName,
            Description = plan.Description,
            ProjectType = discovery.ProjectType,
            Plan = plan,
            TotalPhases = phases,
            TotalMilestones = milestones,
            TotalTasks = tasks.Count,
            Notes = accepted.Notes,
            PlanningUsage = planningUsage,
            GenerationCostUsd = Math.Max(runUsage.CostUsd, existing?.GenerationCostUsd ?? 0m),
            LlmTokensTotal = Math.Max(runUsage.TotalTokens, existing?.LlmTokensTotal ?? 0),
            CreatedAt = existing?.CreatedAt ?? _time.GetUtcNow(),
        };
        await _repository.SaveMasterPlanAsync(runId, record, cancellationToken).ConfigureAwait(false);

        await _progress.PublishAsync(ProgressEvents.MasterPlanGenerationComplete(runId, phases, milestones, tasks.Count, record.GenerationCostUsd), cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Run {RunId}: masterplan with {Phases} phases, {Milestones} milestones, {Tasks} tasks", runId, phases, milestones, tasks.Count);

        return new PlanOutline(runId, record.ProjectName, phases, milestones, tasks.Select(t => new TaskNode(t.Number, t.DependsOn)).ToList(), planningUsage);
    }

    /// <summary>
    /// Upserts one record per task. A task that already has code (the phase ran again after code generation
    /// started) keeps its generation fields; only the plan's fields are refreshed.
    /// </summary>
    private async Task SaveTasksAsync(string runId, MasterPlan plan, CancellationToken cancellationToken)
    {
        var existing = (await _repository.ListTasksAsync(runId, cancellationToken).ConfigureAwait(false)).ToDictionary(t => t.Number);
        var records = plan.Tasks.OrderBy(t => t.Number).Select(task =>
        {
            var fresh = TaskRecord.FromPlanTask(task);
            return existing.TryGetValue(task.Number, out var current)
                ? current with
                {
                    Name = fresh.Name,
                    Description = fresh.Description,
                    Complexity = fresh.Complexity,
                    TargetFiles = fresh.TargetFiles,
                    DependsOn = fresh.DependsOn,
                }
                : fresh;
        });
        await _repository.SaveTasksAsync(runId, records, cancellationToken).ConfigureAwait(false);
    }

    private async Task PublishEntitiesAsync(string runId, MasterPlan plan, CancellationToken cancellationToken)
    {
        int phases = 0, milestones = 0, tasks = 0;
        foreach (var phase in plan.Phases)
        {
            await _progress.PublishAsync(ProgressEvents.MasterPlanEntityDiscovered(runId, "phase", ++phases, phase.Name), cancellationToken).ConfigureAwait(false);
            foreach (var milestone in phase.Milestones)
            {
                await _progress.PublishAsync(ProgressEvents.MasterPlanEntityDiscovered(runId, "milestone", ++milestones, milestone.Name), cancellationToken).ConfigureAwait(false);
                foreach (var task in milestone.Tasks)
                {
                    await _progress.PublishAsync(ProgressEvents.MasterPlanEntityDiscovered(runId, "task", ++tasks, task.Name), cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }
}
