using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mge.Pipeline.Costs;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;

namespace Mge.Pipeline.Prompting;

/// <summary>
/// The one way phases call the model. Each call has a deterministic key ("code-0007"); a key already in the
/// journal (table "calls" + the response blob) is answered from storage, so an activity that runs twice never
/// pays twice. Before a new call the run's budget is checked (<see cref="RunBudget"/>: spent so far plus the
/// call's estimated cost against the cap; <see cref="BudgetExceededException"/> when it would pass it). A new
/// call is made through the role's <see cref="IChatClient"/> (a client keyed by the <see cref="ModelRole"/> when the
/// host registered one, else the default; plain or streamed), its usage read (or estimated and flagged
/// when the provider reports none), priced, journaled with the prompt templates' version, and a
/// <c>cost_update</c> event with the call's and the run's running totals (cached share included) is published.
/// </summary>
public sealed class ModelGateway
{
    private readonly IChatClient _chat;
    private readonly RunRepository _repository;
    private readonly CostCalculator _costs;
    private readonly IProgressPublisher _progress;
    private readonly PipelineOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ModelGateway> _logger;
    private readonly RunBudget _budget;
    private readonly IServiceProvider? _services;

    public ModelGateway(
        IChatClient chat,
        RunRepository repository,
        CostCalculator costs,
        IProgressPublisher progress,
        IOptions<PipelineOptions> options,
        TimeProvider time,
        ILogger<ModelGateway> logger)
    {
        _chat = chat;
        _repository = repository;
        _costs = costs;
        _progress = progress;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _budget = new RunBudget(repository, costs, _options);
    }

    /// <summary>
    /// The gateway of a host that may configure a model per role: a chat client registered under the role as its
    /// key (<c>services.AddKeyedSingleton&lt;IChatClient&gt;(ModelRole.Code, ...)</c>, as Mge.Models' AddMgeModels
    /// does from its IChatClientSelector) answers that role's calls; roles without one use <paramref name="chat"/>.
    /// </summary>
    public ModelGateway(
        IChatClient chat,
        RunRepository repository,
        CostCalculator costs,
        IProgressPublisher progress,
        IOptions<PipelineOptions> options,
        TimeProvider time,
        ILogger<ModelGateway> logger,
        IServiceProvider services)
        : this(chat, repository, costs, progress, options, time, logger)
    {
        _services = services;
    }

    /// <summary>One model call, answered whole.</summary>
    public Task<ModelCallResult> CompleteAsync(
        string runId,
        string callKey,
        ModelRole role,
        IReadOnlyList<ChatMessage> messages,
        ChatOptions? chatOptions = null,
        CancellationToken cancellationToken = default) =>
        CallAsync(runId, callKey, role, messages, chatOptions, null, cancellationToken);

    /// <summary>
    /// One model call whose answer is streamed: <paramref name="onTokens"/> receives the output tokens received so
    /// far (a length estimate per chunk), throttled by <see cref="TokenProgressThrottle"/>, and a last time with the
    /// provider's final count. The final text and usage are journaled exactly like <see cref="CompleteAsync"/>'s;
    /// a journaled call reports its stored output tokens once.
    /// </summary>
    public Task<ModelCallResult> CompleteStreamingAsync(
        string runId,
        string callKey,
        ModelRole role,
        IReadOnlyList<ChatMessage> messages,
        Func<long, CancellationToken, ValueTask> onTokens,
        ChatOptions? chatOptions = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onTokens);
        return CallAsync(runId, callKey, role, messages, chatOptions, onTokens, cancellationToken);
    }

    /// <summary>The phase a call belongs to, for its cost_update key and the per-phase roll-up (atom repairs run during wave execution).</summary>
    public static PipelinePhase PhaseOf(string callKey, ModelRole role)
    {
        if (callKey.StartsWith("atom-", StringComparison.Ordinal))
        {
            return PipelinePhase.WaveExecution;
        }

        return role switch
        {
            ModelRole.Discovery => PipelinePhase.Discovery,
            ModelRole.Planning => PipelinePhase.MasterPlan,
            ModelRole.Code => PipelinePhase.CodeGeneration,
            ModelRole.Repair => PipelinePhase.Validation,
            _ => PipelinePhase.Delivery,
        };
    }

    /// <summary>The prompt as journaled: each message under a heading with its role.</summary>
    public static string RenderPrompt(IReadOnlyList<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var builder = new StringBuilder();
        foreach (var message in messages)
        {
            builder.Append("## ").Append(message.Role.Value).Append("\n\n").Append(message.Text).Append("\n\n");
        }

        return builder.ToString();
    }

    private async Task<ModelCallResult> CallAsync(
        string runId,
        string callKey,
        ModelRole role,
        IReadOnlyList<ChatMessage> messages,
        ChatOptions? chatOptions,
        Func<long, CancellationToken, ValueTask>? onTokens,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        ArgumentException.ThrowIfNullOrWhiteSpace(callKey);
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            throw new ArgumentException($"Model call '{callKey}' has no messages.", nameof(messages));
        }

        var journaled = await FromJournalAsync(runId, callKey, cancellationToken).ConfigureAwait(false);
        if (journaled is not null)
        {
            _logger.LogDebug("Model call {CallKey} of run {RunId} answered from the journal", callKey, runId);
            if (onTokens is not null)
            {
                await onTokens(journaled.Usage.OutputTokens, cancellationToken).ConfigureAwait(false);
            }

            await PublishCostAsync(runId, callKey, role, journaled.Model, journaled.Usage, cancellationToken).ConfigureAwait(false);
            return journaled;
        }

        var options = chatOptions?.Clone() ?? new ChatOptions();
        if (options.ModelId is null && _options.Models.TryGetValue(role.ToString(), out var configuredModel) && !string.IsNullOrWhiteSpace(configuredModel))
        {
            options.ModelId = configuredModel;
        }

        var chat = ClientFor(role);
        var promptText = RenderPrompt(messages);
        var estimatedInput = TokenEstimator.Estimate(promptText);
        await _budget.EnsureAffordableAsync(
            runId, callKey, ExpectedModel(chat, options), estimatedInput, ExpectedOutputTokens(role, options), cancellationToken).ConfigureAwait(false);

        var stopwatch = Stopwatch.StartNew();
        var response = onTokens is null
            ? await chat.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false)
            : await StreamAsync(chat, messages, options, onTokens, cancellationToken).ConfigureAwait(false);
        stopwatch.Stop();

        var text = response.Text ?? string.Empty;
        var model = response.ModelId ?? ExpectedModel(chat, options);
        var reportedInput = response.Usage?.InputTokenCount;
        var reportedOutput = response.Usage?.OutputTokenCount;
        var usageEstimated = reportedInput is null || reportedOutput is null;
        var inputTokens = reportedInput ?? estimatedInput;
        var outputTokens = reportedOutput ?? TokenEstimator.Estimate(text);
        var cachedTokens = Math.Min(response.Usage?.CachedInputTokenCount ?? 0, inputTokens);
        if (usageEstimated)
        {
            _logger.LogWarning("Model call {CallKey} of run {RunId}: the provider reported no token usage; counted with the length estimate", callKey, runId);
        }

        if (onTokens is not null)
        {
            await onTokens(outputTokens, cancellationToken).ConfigureAwait(false);
        }

        var cost = _costs.Calculate(model, inputTokens, outputTokens, cachedTokens);
        var responseBlob = StorageKeys.Blobs.CallResponse(runId, callKey);
        var promptBlob = StorageKeys.Blobs.CallPrompt(runId, callKey);

        // Blobs first, the record last: a record means the call is complete and must never be re-sent.
        await _repository.PutTextAsync(StorageNames.RunsContainer, promptBlob, promptText, cancellationToken).ConfigureAwait(false);
        await _repository.PutTextAsync(StorageNames.RunsContainer, responseBlob, text, cancellationToken).ConfigureAwait(false);
        var record = new ModelCallRecord
        {
            Key = callKey,
            Role = role,
            Model = model,
            PromptVersion = PromptMessages.VersionOf(messages),
            InputTokens = inputTokens,
            OutputTokens = outputTokens,
            CachedTokens = cachedTokens,
            CostUsd = cost.CostUsd,
            UsageEstimated = usageEstimated,
            PriceFallback = cost.PriceFallback,
            DurationSeconds = stopwatch.Elapsed.TotalSeconds,
            ResponseBlob = responseBlob,
            PromptBlob = promptBlob,
            FinishReason = response.FinishReason?.Value,
            ResponseLength = text.Length,
            CreatedAt = _time.GetUtcNow(),
        };
        await _repository.SaveCallAsync(runId, record, cancellationToken).ConfigureAwait(false);

        await PublishCostAsync(runId, callKey, role, model, record.Usage, cancellationToken).ConfigureAwait(false);
        return new ModelCallResult(callKey, text, record.FinishReason, record.Usage, model, false, usageEstimated, responseBlob, promptBlob);
    }

    /// <summary>Collects a streamed answer into one response (text, usage, finish reason), reporting the tokens as they arrive.</summary>
    private async Task<ChatResponse> StreamAsync(
        IChatClient chat,
        IReadOnlyList<ChatMessage> messages,
        ChatOptions options,
        Func<long, CancellationToken, ValueTask> onTokens,
        CancellationToken cancellationToken)
    {
        var updates = new List<ChatResponseUpdate>();
        var throttle = new TokenProgressThrottle(_time);
        long received = 0;
        await foreach (var update in chat.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            updates.Add(update);
            var chunk = update.Text;
            if (string.IsNullOrEmpty(chunk))
            {
                continue;
            }

            received += TokenEstimator.Estimate(chunk);
            if (throttle.ShouldReport(received))
            {
                await onTokens(received, cancellationToken).ConfigureAwait(false);
            }
        }

        return updates.ToChatResponse();
    }

    /// <summary>The role's own client when the host registered one under the role as key, else the default client.</summary>
    private IChatClient ClientFor(ModelRole role) => _services?.GetKeyedService<IChatClient>(role) ?? _chat;

    private string ExpectedModel(IChatClient chat, ChatOptions options) =>
        options.ModelId
        ?? chat.GetService<ChatClientMetadata>()?.DefaultModelId
        ?? _options.EstimateModel;

    private long ExpectedOutputTokens(ModelRole role, ChatOptions options) =>
        options.MaxOutputTokens ?? role switch
        {
            ModelRole.Discovery => _options.EstimatedDiscoveryOutputTokens,
            ModelRole.Planning => _options.EstimatedMasterPlanOutputTokens,
            _ => _options.EstimatedCodeOutputTokens,
        };

    private async Task<ModelCallResult?> FromJournalAsync(string runId, string callKey, CancellationToken cancellationToken)
    {
        var call = await _repository.GetCallAsync(runId, callKey, cancellationToken).ConfigureAwait(false);
        if (call is null)
        {
            return null;
        }

        var text = await _repository.GetTextAsync(StorageNames.RunsContainer, call.ResponseBlob, cancellationToken).ConfigureAwait(false);
        if (text is null)
        {
            // The record is written after the blob, so this means the blob store lost it; calling again is the only way on.
            _logger.LogWarning("Model call {CallKey} of run {RunId} is journaled but its response blob {Blob} is missing; calling the model again", callKey, runId, call.ResponseBlob);
            return null;
        }

        return new ModelCallResult(callKey, text, call.FinishReason, call.Usage, call.Model, true, call.UsageEstimated, call.ResponseBlob, call.PromptBlob);
    }

    private async Task PublishCostAsync(string runId, string callKey, ModelRole role, string model, UsageTotals usage, CancellationToken cancellationToken)
    {
        var totals = await _repository.SumCallsAsync(runId, null, cancellationToken).ConfigureAwait(false);
        await _progress.PublishAsync(ProgressEvents.CostUpdate(runId, PhaseOf(callKey, role), callKey, model, usage, totals), cancellationToken).ConfigureAwait(false);
    }
}
