using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mge.Models.Resilience;

/// <summary>
/// The one place model faults are handled, as <see cref="IChatClient"/> middleware over a provider client whose own
/// SDK retries are switched off. 429 waits as long as Retry-After asks (milliseconds headers, seconds or an
/// HTTP-date); 408/5xx, network failures and attempt timeouts back off exponentially with jitter; attempts are
/// bounded; the caller's cancellation stops everything at once, waits included. Content-filter refusals (HTTP 400
/// <c>content_filter</c>, <c>finish_reason: content_filter</c>) become <see cref="ModelRefusedException"/> and are not
/// retried. A truncated answer (<c>finish_reason: length</c>) is returned as it is, with
/// <see cref="ChatFinishReason.Length"/>, so callers can repair or continue. A streaming call is retried only until
/// its first update arrives: after that, text has reached the caller and a retry would repeat it.
/// </summary>
public sealed class ResilientChatClient : DelegatingChatClient
{
    private readonly ModelResilienceOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<double> _jitter;

    /// <param name="innerClient">The provider client (its SDK retry policy off, so faults are handled once, here).</param>
    /// <param name="options">Attempts, timeouts, backoff.</param>
    /// <param name="time">Clock for the waits between attempts (a fake one makes tests instant).</param>
    /// <param name="logger">Receives one warning per retry.</param>
    /// <param name="jitter">Source of values in [0, 1) spreading the backoff; <see cref="Random.Shared"/> by default.</param>
    public ResilientChatClient(IChatClient innerClient, ModelResilienceOptions? options = null, TimeProvider? time = null, ILogger? logger = null, Func<double>? jitter = null)
        : base(innerClient)
    {
        _options = options ?? new ModelResilienceOptions();
        _options.Validate();
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _jitter = jitter ?? Random.Shared.NextDouble;
    }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var conversation = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var attemptCancellation = StartAttempt(cancellationToken);
            ModelFault fault;
            Exception failure;
            try
            {
                var response = await base.GetResponseAsync(conversation, options, attemptCancellation.Token).ConfigureAwait(false);
                if (response.FinishReason == ChatFinishReason.ContentFilter)
                {
                    throw CompletionRefused(response.Text);
                }

                return response;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested
                && ModelFaultClassifier.Classify(exception, attemptCancellation.IsCancellationRequested, _time.GetUtcNow()) is { } classified)
            {
                fault = classified;
                failure = exception;
            }

            await WaitBeforeRetryAsync(fault, failure, attempt, cancellationToken).ConfigureAwait(false);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var conversation = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var attemptCancellation = StartAttempt(cancellationToken);
            var stream = base.GetStreamingResponseAsync(conversation, options, attemptCancellation.Token).GetAsyncEnumerator(attemptCancellation.Token);
            var streamStarted = false;
            try
            {
                var first = await FirstUpdateAsync(stream, attemptCancellation, cancellationToken).ConfigureAwait(false);
                if (first.Fault is not null)
                {
                    await WaitBeforeRetryAsync(first.Fault, first.Failure!, attempt, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                // The stream has started: the attempt timeout no longer applies (long answers stream for minutes;
                // the SDK's network timeout still guards a stalled read).
                attemptCancellation.CancelAfter(Timeout.InfiniteTimeSpan);
                if (!first.HasUpdate)
                {
                    // Nothing arrived, so nothing reached the caller: an empty stream is retried like a dropped connection.
                    var empty = new ModelFault(ModelFaultKind.Transient, null, null, "the stream ended before any data arrived", null);
                    await WaitBeforeRetryAsync(empty, new IOException(empty.Description), attempt, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                streamStarted = true;
                var text = new System.Text.StringBuilder();
                var finished = false;
                var update = stream.Current;
                while (true)
                {
                    if (update.FinishReason == ChatFinishReason.ContentFilter)
                    {
                        text.Append(update.Text);
                        throw CompletionRefused(text.ToString());
                    }

                    finished |= update.FinishReason is not null;
                    text.Append(update.Text);
                    yield return update;
                    if (!await NextUpdateAsync(stream, cancellationToken).ConfigureAwait(false))
                    {
                        break;
                    }

                    update = stream.Current;
                }

                if (!finished)
                {
                    // Every provider ends a complete answer with a finish_reason; an SDK reading a cut connection just
                    // stops, which would pass a truncated answer off as whole.
                    throw new ModelCallException(
                        $"The model's streamed answer broke off after {text.Length} characters without a finish reason (connection cut?); it is not retried because part of it was already delivered.");
                }

                yield break;
            }
            finally
            {
                // A failed attempt's stream may fail again while closing; a started stream closes normally.
                if (!streamStarted)
                {
                    await DisposeFailedAttemptAsync(stream).ConfigureAwait(false);
                }
                else
                {
                    await stream.DisposeAsync().ConfigureAwait(false);
                }

                attemptCancellation.Dispose();
            }
        }
    }

    private CancellationTokenSource StartAttempt(CancellationToken cancellationToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_options.AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            source.CancelAfter(_options.AttemptTimeout);
        }

        return source;
    }

    private async Task<FirstUpdate> FirstUpdateAsync(IAsyncEnumerator<ChatResponseUpdate> stream, CancellationTokenSource attemptCancellation, CancellationToken cancellationToken)
    {
        try
        {
            var hasUpdate = await stream.MoveNextAsync().ConfigureAwait(false);
            return new FirstUpdate(hasUpdate, null, null);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested
            && ModelFaultClassifier.Classify(exception, attemptCancellation.IsCancellationRequested, _time.GetUtcNow()) is { } fault)
        {
            return new FirstUpdate(false, fault, exception);
        }
    }

    private async Task<bool> NextUpdateAsync(IAsyncEnumerator<ChatResponseUpdate> stream, CancellationToken cancellationToken)
    {
        try
        {
            return await stream.MoveNextAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested
            && ModelFaultClassifier.Classify(exception, false, _time.GetUtcNow()) is { } fault)
        {
            // Part of the answer already reached the caller, so this is not retried; say what happened.
            throw new ModelCallException($"The model's streamed answer broke off: {fault.Description}", fault.StatusCode, fault.ErrorCode, 1, exception);
        }
    }

    /// <summary>Throws for a fault that ends the call; otherwise waits the Retry-After or the backoff for retry <paramref name="attempt"/>.</summary>
    private async Task WaitBeforeRetryAsync(ModelFault fault, Exception failure, int attempt, CancellationToken cancellationToken)
    {
        switch (fault.Kind)
        {
            case ModelFaultKind.Refused:
                throw new ModelRefusedException(
                    $"The provider's content filter refused the prompt ({fault.Description}). It is not retried: change the request.",
                    ModelRefusalSource.Prompt, fault.StatusCode, fault.ErrorCode, null, failure);
            case ModelFaultKind.Permanent:
                throw new ModelCallException($"The model call failed and is not retryable: {fault.Description}", fault.StatusCode, fault.ErrorCode, attempt, failure);
        }

        if (attempt > _options.MaxRetries)
        {
            throw new ModelRetriesExhaustedException(
                $"The model call failed after {attempt} attempt(s) (Mge:Model:MaxRetries = {_options.MaxRetries}); last failure: {fault.Description}",
                attempt, fault.StatusCode, fault.ErrorCode, failure);
        }

        var delay = fault.RetryAfter ?? Backoff(attempt);
        if (fault.RetryAfter is { } asked && asked > _options.MaxRetryAfter)
        {
            throw new ModelRetriesExhaustedException(
                $"The service asked to wait {asked.TotalSeconds:0.#} s before retrying, more than Mge:Model:MaxRetryAfter ({_options.MaxRetryAfter.TotalSeconds:0.#} s); last failure: {fault.Description}",
                attempt, fault.StatusCode, fault.ErrorCode, failure);
        }

        _logger.LogWarning("Model call attempt {Attempt} failed ({Fault}); retrying in {DelaySeconds:0.###} s{RetryAfter}",
            attempt, fault.Description, delay.TotalSeconds, fault.RetryAfter is null ? string.Empty : " as the service asked (Retry-After)");
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Exponential backoff (BaseDelay × 2^(retry−1), capped at MaxDelay) with "equal jitter": half fixed, half random.</summary>
    internal TimeSpan Backoff(int retry)
    {
        var exponential = _options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30));
        var capped = Math.Min(exponential, _options.MaxDelay.TotalMilliseconds);
        var jitter = Math.Clamp(_jitter(), 0, 1);
        return TimeSpan.FromMilliseconds(capped / 2 + capped / 2 * jitter);
    }

    private static ModelRefusedException CompletionRefused(string? partialText) => new(
        "The provider's content filter stopped the model's answer (finish_reason: content_filter). It is not retried: change the request.",
        ModelRefusalSource.Completion, null, "content_filter", string.IsNullOrEmpty(partialText) ? null : partialText);

    private async ValueTask DisposeFailedAttemptAsync(IAsyncEnumerator<ChatResponseUpdate> stream)
    {
        try
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (ModelFaultClassifier.Classify(exception, true, _time.GetUtcNow()) is not null)
        {
            // Disposing a failed attempt's stream can fail with the same transport fault; the fault is already handled.
            _logger.LogDebug(exception, "Disposing a failed streaming attempt failed");
        }
    }

    private sealed record FirstUpdate(bool HasUpdate, ModelFault? Fault, Exception? Failure);
}
