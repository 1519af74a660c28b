using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.AI;
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
/// pays twice. A new call is made through <see cref="IChatClient"/>, its usage read (or estimated and flagged
/// when the provider reports none), priced, journaled, and a <c>cost_update</c> event with the run's running
/// totals is published.
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
    }

    public async Task<ModelCallResult> CompleteAsync(
        string runId,
        string callKey,
        ModelRole role,
        IReadOnlyList<ChatMessage> messages,
        ChatOptions? chatOptions = null,
        CancellationToken cancellationToken = default)
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
            await PublishCostAsync(runId, callKey, role, journaled.Model, journaled.Usage, cancellationToken).ConfigureAwait(false);
            return journaled;
        }

        var options = chatOptions?.Clone() ?? new ChatOptions();
        if (options.ModelId is null && _options.Models.TryGetValue(role.ToString(), out var configuredModel) && !string.IsNullOrWhiteSpace(configuredModel))
        {
            options.ModelId = configuredModel;
        }

        var promptText = RenderPrompt(messages);
        var stopwatch = Stopwatch.StartNew();
        var response = await _chat.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        stopwatch.Stop();

        var text = response.Text ?? string.Empty;
        var model = response.ModelId
            ?? options.ModelId
            ?? _chat.GetService<ChatClientMetadata>()?.DefaultModelId
            ?? "unknown";

        var reportedInput = response.Usage?.InputTokenCount;
        var reportedOutput = response.Usage?.OutputTokenCount;
        var usageEstimated = reportedInput is null || reportedOutput is null;
        var inputTokens = reportedInput ?? TokenEstimator.Estimate(promptText);
        var outputTokens = reportedOutput ?? TokenEstimator.Estimate(text);
        var cachedTokens = response.Usage?.CachedInputTokenCount ?? 0;
        if (usageEstimated)
        {
            _logger.LogWarning("Model call {CallKey} of run {RunId}: the provider reported no token usage; counted with the length estimate", callKey, runId);
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
            PromptVersion = PromptVersions.For(role),
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

    /// <summary>The phase a call belongs to, for its cost_update key (atom repairs run during wave execution).</summary>
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

    /// <summary>The prompt as journaled: each message under a heading with its role.</summary>
    internal static string RenderPrompt(IReadOnlyList<ChatMessage> messages)
    {
        var builder = new StringBuilder();
        foreach (var message in messages)
        {
            builder.Append("## ").Append(message.Role.Value).Append("\n\n").Append(message.Text).Append("\n\n");
        }

        return builder.ToString();
    }
}
