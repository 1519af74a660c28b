using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mge.Pipeline.Costs;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Prompting;
using Mge.Pipeline.Requests;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;

namespace Mge.Pipeline.Discovery;

/// <summary>
/// Phase 1: the model's domain-driven analysis of the request (domain, bounded contexts, aggregates,
/// entities), asked as structured JSON output (schema <see cref="OutputSchemas.Discovery"/>) and streamed
/// (discovery_tokens_progress as tokens arrive), with bounded retries, checked (at least one entity), stored as the run's
/// <see cref="DiscoveryRecord"/>, and reported with the seed's discovery_* events. Decides the project type.
/// </summary>
public sealed class DiscoveryPhase
{
    public const string NoEntitiesMessage = "Discovery found no entities in the request; name what the project manages, e.g. 'users, tasks and comments'";

    private readonly RunJournal _journal;
    private readonly RunRepository _repository;
    private readonly ModelGateway _gateway;
    private readonly PromptBuilder _prompts;
    private readonly IProgressPublisher _progress;
    private readonly CostCalculator _costs;
    private readonly PipelineOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DiscoveryPhase> _logger;

    public DiscoveryPhase(
        RunJournal journal,
        RunRepository repository,
        ModelGateway gateway,
        PromptBuilder prompts,
        IProgressPublisher progress,
        CostCalculator costs,
        IOptions<PipelineOptions> options,
        TimeProvider time,
        ILogger<DiscoveryPhase> logger)
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

    public async Task<DiscoveryOutcome> RunAsync(string runId, CancellationToken cancellationToken = default)
    {
        await _journal.MarkPhaseAsync(runId, PipelinePhase.Discovery, cancellationToken).ConfigureAwait(false);
        var request = await _journal.GetRequestAsync(runId, cancellationToken).ConfigureAwait(false);
        var requestedType = request.Options.ProjectType ?? ProjectTypeDetector.Detect(request.Request);

        var firstPrompt = _prompts.Discovery(request.Request, requestedType);
        var estimatedInput = TokenEstimator.Estimate(ModelGateway.RenderPrompt(firstPrompt));
        var estimatedOutput = (long)_options.EstimatedDiscoveryOutputTokens;
        var estimateModel = _options.Models.GetValueOrDefault(nameof(ModelRole.Discovery)) ?? _options.EstimateModel;
        await _progress.PublishAsync(ProgressEvents.DiscoveryGenerationStart(
            runId,
            estimatedInput + estimatedOutput,
            estimatedOutput / Math.Max(1, _options.EstimatedOutputTokensPerSecond),
            _costs.Estimate(estimateModel, estimatedInput, estimatedOutput)), cancellationToken).ConfigureAwait(false);

        var answer = await JsonAnswerRequester.RequestAsync<DiscoveryDocument>(
            _gateway,
            runId,
            ModelRole.Discovery,
            StorageKeys.Calls.DiscoveryAttempt,
            (attempt, problem) => attempt == 1 ? firstPrompt : _prompts.Discovery(request.Request, requestedType, attempt, problem),
            _options.MaxJsonAttempts,
            OutputSchemas.Discovery,
            onTokens: (attempt, tokens, ct) => new ValueTask(_progress.PublishAsync(
                ProgressEvents.DiscoveryTokensProgress(runId, tokens, Math.Max(estimatedOutput, tokens), attempt), ct)),
            cancellationToken: cancellationToken).ConfigureAwait(false);

        if (answer.Value is null)
        {
            throw new PhaseFailedException(PipelinePhase.Discovery, answer.FailureMessage("discovery answer"));
        }

        var document = answer.Value;
        var entities = document.Entities.ToList();
        if (entities.Count == 0)
        {
            throw new PhaseFailedException(PipelinePhase.Discovery, NoEntitiesMessage);
        }

        await PublishEntitiesAsync(runId, document, cancellationToken).ConfigureAwait(false);

        var (projectType, source) = DecideProjectType(request, document);
        var usage = UsageTotals.Sum(answer.Calls.Select(c => c.Usage));
        var existing = await _repository.GetDiscoveryAsync(runId, cancellationToken).ConfigureAwait(false);
        var record = new DiscoveryRecord
        {
            DiscoveryId = runId,
            SessionId = runId,
            Document = document,
            ProjectType = projectType,
            ProjectTypeSource = source,
            Usage = usage,
            Attempts = answer.Calls.Count,
            CreatedAt = existing?.CreatedAt ?? _time.GetUtcNow(),
        };
        await _repository.SaveDiscoveryAsync(runId, record, cancellationToken).ConfigureAwait(false);

        var contexts = document.BoundedContexts.Count;
        var aggregates = document.Aggregates.Count();
        await _progress.PublishAsync(ProgressEvents.DiscoveryGenerationComplete(runId, contexts, aggregates, entities.Count), cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Run {RunId}: discovery found {Contexts} bounded contexts, {Aggregates} aggregates, {Entities} entities; project type {ProjectType} ({Source})",
            runId, contexts, aggregates, entities.Count, projectType, source);

        return new DiscoveryOutcome(runId, ProjectTypeParser.Name(projectType), contexts, aggregates, entities.Count, usage);
    }

    /// <summary>The caller's type, else the one the request names, else the discovery's, else FastAPI.</summary>
    internal static (ProjectType Type, string Source) DecideProjectType(GenerationRequest request, DiscoveryDocument document)
    {
        if (request.Options.ProjectType is { } fromOptions)
        {
            return (fromOptions, "options");
        }

        if (ProjectTypeDetector.Detect(request.Request) is { } fromRequest)
        {
            return (fromRequest, "request");
        }

        if (ProjectTypeParser.TryParse(document.ProjectType, out var fromDiscovery, out _))
        {
            return (fromDiscovery, "discovery");
        }

        return (ProjectType.FastApi, "default");
    }

    private async Task PublishEntitiesAsync(string runId, DiscoveryDocument document, CancellationToken cancellationToken)
    {
        await _progress.PublishAsync(ProgressEvents.DiscoveryEntityDiscovered(runId, "domain", document.Domain, 1), cancellationToken).ConfigureAwait(false);
        int contexts = 0, aggregates = 0, entities = 0;
        foreach (var context in document.BoundedContexts)
        {
            await _progress.PublishAsync(ProgressEvents.DiscoveryEntityDiscovered(runId, "bounded_context", context.Name, ++contexts), cancellationToken).ConfigureAwait(false);
            foreach (var aggregate in context.Aggregates)
            {
                await _progress.PublishAsync(ProgressEvents.DiscoveryEntityDiscovered(runId, "aggregate", aggregate.Name, ++aggregates), cancellationToken).ConfigureAwait(false);
                foreach (var entity in aggregate.Entities)
                {
                    await _progress.PublishAsync(ProgressEvents.DiscoveryEntityDiscovered(runId, "entity", entity.Name, ++entities), cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }
}
