using Microsoft.Extensions.AI;

namespace Mge.Pipeline.Prompting;

/// <summary>
/// Asks the model for one JSON object, with bounded retries: when an answer does not parse, does not conform to
/// the schema (when one is given; it is also sent as the structured-output format) or fails the caller's check,
/// the next attempt is sent with the problem fed back, under its own call key ("discovery", "discovery-a2", ...).
/// Every attempt is a journaled call, so a re-run replays them for free.
/// </summary>
public static class JsonAnswerRequester
{
    /// <param name="buildMessages">The messages of attempt k (1-based), given the previous attempt's problem (null on the first).</param>
    /// <param name="schema">The answer's structured-output schema; null asks for any JSON object.</param>
    /// <param name="check">Further validation of a parsed value: null when acceptable, else the problem to feed back.</param>
    /// <param name="onTokens">When given, each attempt is streamed and this receives (attempt, output tokens so far).</param>
    public static async Task<JsonAnswer<T>> RequestAsync<T>(
        ModelGateway gateway,
        string runId,
        ModelRole role,
        Func<int, string> callKey,
        Func<int, string?, IReadOnlyList<ChatMessage>> buildMessages,
        int maxAttempts,
        JsonOutputSchema? schema = null,
        Func<T, string?>? check = null,
        Action<int, ModelCallResult>? onCall = null,
        Func<int, long, CancellationToken, ValueTask>? onTokens = null,
        CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        var calls = new List<ModelCallResult>();
        string? problem = null;
        for (var attempt = 1; attempt <= maxAttempts; attempt++)
        {
            var messages = buildMessages(attempt, problem);
            var options = new ChatOptions { ResponseFormat = schema?.ResponseFormat ?? ChatResponseFormat.Json };
            var currentAttempt = attempt;
            var call = onTokens is null
                ? await gateway.CompleteAsync(runId, callKey(attempt), role, messages, options, cancellationToken).ConfigureAwait(false)
                : await gateway.CompleteStreamingAsync(runId, callKey(attempt), role, messages, (tokens, ct) => onTokens(currentAttempt, tokens, ct), options, cancellationToken).ConfigureAwait(false);
            calls.Add(call);
            onCall?.Invoke(attempt, call);

            if (!JsonResponseParser.TryParse<T>(call.Text, out var value, out var error, schema))
            {
                // Told why, the model can answer within its limit: more compact JSON, shorter descriptions.
                problem = string.Equals(call.FinishReason, "length", StringComparison.OrdinalIgnoreCase)
                    ? $"your answer was cut off at the output token limit ({error}); answer with more compact JSON: shorter descriptions, no extra whitespace"
                    : error;
                continue;
            }

            problem = check?.Invoke(value);
            if (problem is null)
            {
                return new JsonAnswer<T>(value, calls, null);
            }
        }

        return new JsonAnswer<T>(null, calls, problem);
    }
}
