using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;

namespace Mge.Models.Offline;

/// <summary>
/// MGE's built-in model: answers every prompt the pipeline sends (discovery, planning, code, repair, atom
/// repair, chat) deterministically from the prompt's <c>```json mge-context</c> blocks, in the same
/// formats a real model is asked for, so the pipeline's parsing, validation and repair run unchanged.
/// Usage is reported like a provider does: o200k_base token counts and, through a simulated prefix cache,
/// cached input tokens. Faults can be injected on first attempts (<see cref="OfflineModelOptions"/>).
/// Thread-safe; one instance per host.
/// </summary>
public sealed class OfflineChatClient : IChatClient
{
    /// <summary>The model id reported in every response.</summary>
    public const string ModelName = "mge-offline-1";

    private readonly OfflineModelOptions _options;
    private readonly PromptPrefixCache _cache;
    private readonly ChatClientMetadata _metadata = new("mge-offline", null, ModelName);

    public OfflineChatClient(OfflineModelOptions? options = null)
    {
        _options = options ?? new OfflineModelOptions();
        _options.Validate();
        _cache = new PromptPrefixCache(_options.PromptCacheCapacity);
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var turn = await AnswerAsync(messages, cancellationToken).ConfigureAwait(false);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, turn.Answer.Text) { MessageId = turn.Id })
        {
            ResponseId = turn.Id,
            ModelId = ModelName,
            CreatedAt = turn.CreatedAt,
            FinishReason = turn.Answer.Truncated ? ChatFinishReason.Length : ChatFinishReason.Stop,
            Usage = turn.Usage,
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var turn = await AnswerAsync(messages, cancellationToken).ConfigureAwait(false);
        var text = turn.Answer.Text;
        for (var start = 0; start < text.Length; start += _options.StreamingChunkSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = text.Substring(start, Math.Min(_options.StreamingChunkSize, text.Length - start));
            yield return Update(turn, [new TextContent(chunk)]);
        }

        var last = Update(turn, [new UsageContent(turn.Usage)]);
        last.FinishReason = turn.Answer.Truncated ? ChatFinishReason.Length : ChatFinishReason.Stop;
        yield return last;
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(ChatClientMetadata))
        {
            return _metadata;
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose()
    {
        // Nothing to release: the tokenizer is shared and the cache is managed memory.
    }

    private static ChatResponseUpdate Update(Turn turn, IList<AIContent> contents) => new(ChatRole.Assistant, contents)
    {
        ResponseId = turn.Id,
        MessageId = turn.Id,
        ModelId = ModelName,
        CreatedAt = turn.CreatedAt,
    };

    private async Task<Turn> AnswerAsync(IEnumerable<ChatMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var list = messages.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("At least one message is required.", nameof(messages));
        }

        var texts = list.Select(m => m.Text).ToList();
        var context = PromptContextReader.Read(texts);
        var lastUser = list.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? texts[^1];
        var answer = OfflineResponder.Answer(context, lastUser);

        var framed = list.Select(FramedMessage.From).ToList();
        var prompt = string.Concat(framed.Select(m => m.Framed));
        var fault = FaultInjector.Choose(_options, prompt, context?.Attempt, answer.Shape);
        answer = FaultInjector.Apply(fault, answer);

        var inputTokens = O200kTokenCounter.CountPrompt(texts);
        var cached = Math.Min(_cache.Lookup(framed), inputTokens);
        var outputTokens = O200kTokenCounter.Count(answer.Text);
        var usage = new UsageDetails
        {
            InputTokenCount = inputTokens,
            OutputTokenCount = outputTokens,
            TotalTokenCount = inputTokens + outputTokens,
            CachedInputTokenCount = cached,
        };

        if (_options.SimulatedLatency > TimeSpan.Zero)
        {
            await Task.Delay(_options.SimulatedLatency, cancellationToken).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var id = "mge-offline-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(prompt + "\u0000" + answer.Text)))[..24];
        return new Turn(answer, usage, id, DateTimeOffset.UtcNow);
    }

    private sealed record Turn(OfflineAnswer Answer, UsageDetails Usage, string Id, DateTimeOffset CreatedAt);
}
