using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace Mge.Models.Resilience;

/// <summary>
/// The one place model faults are handled, as <see cref="IChatClient"/> middleware over a provider client whose own
/// SDK retries are switched off. Each attempt runs through a Polly pipeline: a per-attempt timeout inside a bounded
/// retry. 429 waits as long as Retry-After asks (milliseconds headers, seconds or an HTTP-date); 408/5xx, network
/// failures and attempt timeouts back off exponentially with jitter; the caller's cancellation stops everything at
/// once, waits included. Content-filter refusals (HTTP 400 <c>content_filter</c>, <c>finish_reason: content_filter</c>)
/// become <see cref="ModelRefusedException"/> and are not retried. A truncated answer (<c>finish_reason: length</c>) is
/// returned as it is, with <see cref="ChatFinishReason.Length"/>, so callers can repair or continue. A streaming call
/// is retried only until its first update arrives: after that, text has reached the caller and a retry would repeat it.
/// </summary>
public sealed class ResilientChatClient : DelegatingChatClient
{
    private readonly ModelResilienceOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<double> _jitter;
    private readonly ResiliencePipeline _pipeline;

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
        _pipeline = CreatePipeline();
    }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var call = new Call(this, messages as IReadOnlyList<ChatMessage> ?? messages.ToList(), options, cancellationToken);
        try
        {
            return await _pipeline.ExecuteAsync(static (call, attemptToken) => call.Client.AttemptAsync(call, attemptToken), call, cancellationToken).ConfigureAwait(false);
        }
        catch (RetryableFaultException failure)
        {
            throw GaveUp(failure);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var call = new Call(this, messages as IReadOnlyList<ChatMessage> ?? messages.ToList(), options, cancellationToken);
        StartedStream started;
        try
        {
            started = await _pipeline.ExecuteAsync(static (call, attemptToken) => call.Client.StartStreamAsync(call, attemptToken), call, cancellationToken).ConfigureAwait(false);
        }
        catch (RetryableFaultException failure)
        {
            throw GaveUp(failure);
        }

        await using (started.ConfigureAwait(false))
        {
            var stream = started.Stream;
            var text = new System.Text.StringBuilder();
            var finished = false;
            do
            {
                var update = stream.Current;
                text.Append(update.Text);
                if (update.FinishReason == ChatFinishReason.ContentFilter)
                {
                    throw CompletionRefused(text.ToString());
                }

                finished |= update.FinishReason is not null;
                yield return update;
            }
            while (await NextUpdateAsync(stream, cancellationToken).ConfigureAwait(false));

            if (!finished)
            {
                // Every provider ends a complete answer with a finish_reason; an SDK reading a cut connection just
                // stops, which would pass a truncated answer off as whole.
                throw new ModelCallException(
                    $"The model's streamed answer broke off after {text.Length} characters without a finish reason (connection cut?); it is not retried because part of it was already delivered.");
            }
        }
    }

    /// <summary>
    /// Retries (outside) around the attempt timeout (inside). Only <see cref="RetryableFaultException"/> is retried,
    /// and not when the service asks to wait longer than MaxRetryAfter. The timeout runs on the system clock: the
    /// injected clock times the waits between attempts.
    /// </summary>
    private ResiliencePipeline CreatePipeline()
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = _time };
        if (_options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = _options.MaxRetries,
                ShouldHandle = new PredicateBuilder().Handle<RetryableFaultException>(f => !(f.Fault.RetryAfter > _options.MaxRetryAfter)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    args.Outcome.Exception is RetryableFaultException failure ? failure.Fault.RetryAfter ?? Backoff(args.AttemptNumber + 1) : null),
                OnRetry = args =>
                {
                    var fault = ((RetryableFaultException)args.Outcome.Exception!).Fault;
                    _logger.LogWarning("Model call attempt {Attempt} failed ({Fault}); retrying in {DelaySeconds:0.###} s{RetryAfter}",
                        args.AttemptNumber + 1, fault.Description, args.RetryDelay.TotalSeconds, fault.RetryAfter is null ? string.Empty : " as the service asked (Retry-After)");
                    return ValueTask.CompletedTask;
                },
            });
        }

        if (_options.AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddPipeline(new ResiliencePipelineBuilder { TimeProvider = TimeProvider.System }.AddTimeout(_options.AttemptTimeout).Build());
        }

        return builder.Build();
    }

    private async ValueTask<ChatResponse> AttemptAsync(Call call, CancellationToken attemptToken)
    {
        var attempt = call.NextAttempt();
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(call.Messages, call.Options, attemptToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (Classify(exception, attemptToken, call.CallerToken) is { } fault)
        {
            throw Failed(fault, exception, attempt);
        }

        return response.FinishReason == ChatFinishReason.ContentFilter ? throw CompletionRefused(response.Text) : response;
    }

    /// <summary>Opens one attempt's stream and reads its first update, so that a stream failing before any text is retried.</summary>
    private async ValueTask<StartedStream> StartStreamAsync(Call call, CancellationToken attemptToken)
    {
        var attempt = call.NextAttempt();

        // The stream outlives this callback, and Polly reuses the attempt token's source once the callback returns:
        // the stream gets a source of its own, which the attempt token (the attempt timeout) cancels only until the
        // first update arrives (long answers stream for minutes; the SDK's network timeout still guards a stalled read).
        var streamCancellation = CancellationTokenSource.CreateLinkedTokenSource(call.CallerToken);
        var stream = base.GetStreamingResponseAsync(call.Messages, call.Options, streamCancellation.Token).GetAsyncEnumerator(streamCancellation.Token);
        var started = false;
        try
        {
            bool hasUpdate;
            try
            {
                await using (attemptToken.Register(static source => ((CancellationTokenSource)source!).Cancel(), streamCancellation).ConfigureAwait(false))
                {
                    hasUpdate = await stream.MoveNextAsync().ConfigureAwait(false);
                }
            }
            catch (Exception exception) when (Classify(exception, attemptToken, call.CallerToken) is { } fault)
            {
                throw Failed(fault, exception, attempt);
            }

            if (!hasUpdate)
            {
                // Nothing arrived, so nothing reached the caller: an empty stream is retried like a dropped connection.
                var empty = new ModelFault(ModelFaultKind.Transient, null, null, "the stream ended before any data arrived", null);
                throw Failed(empty, new IOException(empty.Description), attempt);
            }

            started = true;
            return new StartedStream(stream, streamCancellation);
        }
        finally
        {
            if (!started)
            {
                await DisposeFailedAttemptAsync(stream).ConfigureAwait(false);
                streamCancellation.Dispose();
            }
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

    /// <summary>The fault behind a failed attempt; null when it must propagate unchanged (the caller cancelled, or it is not a transport fault).</summary>
    private ModelFault? Classify(Exception exception, CancellationToken attemptToken, CancellationToken callerToken) =>
        callerToken.IsCancellationRequested ? null : ModelFaultClassifier.Classify(exception, attemptToken.IsCancellationRequested, _time.GetUtcNow());

    /// <summary>What a failed attempt throws: refusals and permanent faults end the call, the rest go to the retry pipeline.</summary>
    private static Exception Failed(ModelFault fault, Exception failure, int attempt) => fault.Kind switch
    {
        ModelFaultKind.Refused => new ModelRefusedException(
            $"The provider's content filter refused the prompt ({fault.Description}). It is not retried: change the request.",
            ModelRefusalSource.Prompt, fault.StatusCode, fault.ErrorCode, null, failure),
        ModelFaultKind.Permanent => new ModelCallException($"The model call failed and is not retryable: {fault.Description}", fault.StatusCode, fault.ErrorCode, attempt, failure),
        _ => new RetryableFaultException(fault, attempt, failure),
    };

    /// <summary>The call's failure once the pipeline stops retrying: the budget is spent or the service asked for too long a wait.</summary>
    private ModelRetriesExhaustedException GaveUp(RetryableFaultException last)
    {
        var fault = last.Fault;
        var message = fault.RetryAfter is { } asked && asked > _options.MaxRetryAfter
            ? $"The service asked to wait {asked.TotalSeconds:0.#} s before retrying, more than Mge:Model:MaxRetryAfter ({_options.MaxRetryAfter.TotalSeconds:0.#} s); last failure: {fault.Description}"
            : $"The model call failed after {last.Attempt} attempt(s) (Mge:Model:MaxRetries = {_options.MaxRetries}); last failure: {fault.Description}";
        return new ModelRetriesExhaustedException(message, last.Attempt, fault.StatusCode, fault.ErrorCode, last.InnerException);
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

    /// <summary>One call through the pipeline: what every attempt sends, and how many attempts were made.</summary>
    private sealed class Call(ResilientChatClient client, IReadOnlyList<ChatMessage> messages, ChatOptions? options, CancellationToken callerToken)
    {
        private int _attempts;

        public ResilientChatClient Client { get; } = client;

        public IReadOnlyList<ChatMessage> Messages { get; } = messages;

        public ChatOptions? Options { get; } = options;

        public CancellationToken CallerToken { get; } = callerToken;

        /// <summary>Counts an attempt (1-based); an attempt is not started once the caller has cancelled.</summary>
        public int NextAttempt()
        {
            CallerToken.ThrowIfCancellationRequested();
            return ++_attempts;
        }
    }

    /// <summary>A stream whose first update has arrived (it is <see cref="IAsyncEnumerator{T}.Current"/>), with the source that cancels it.</summary>
    private sealed class StartedStream(IAsyncEnumerator<ChatResponseUpdate> stream, CancellationTokenSource cancellation) : IAsyncDisposable
    {
        public IAsyncEnumerator<ChatResponseUpdate> Stream { get; } = stream;

        public async ValueTask DisposeAsync()
        {
            await Stream.DisposeAsync().ConfigureAwait(false);
            cancellation.Dispose();
        }
    }
}
