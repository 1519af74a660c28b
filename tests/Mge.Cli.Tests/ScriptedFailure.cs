namespace Mge.Cli.Tests;

/// <summary>
/// An error <see cref="ChatCompletionsServer"/> answers instead of a completion, in the OpenAI error format
/// (<c>{"error": {"message", "type", "code"}}</c>), optionally with a Retry-After header (seconds).
/// </summary>
public sealed record ScriptedFailure(int Status, string Type, string Code, string Message, int? RetryAfterSeconds = null)
{
    /// <summary>429 rate limit with Retry-After: 1, as OpenAI sends when a tier's tokens per minute are used up.</summary>
    public static ScriptedFailure RateLimited { get; } = new(429, "requests", "rate_limit_exceeded",
        "Rate limit reached for gpt-4o-mini on tokens per min (TPM): Limit 200000, Used 199000, Requested 2000. Please try again in 1s.", 1);

    /// <summary>500 server error without Retry-After.</summary>
    public static ScriptedFailure ServerError { get; } = new(500, "server_error", "server_error",
        "The server had an error while processing your request. Sorry about that!");

    /// <summary>401 for a wrong key, worded as OpenAI words it.</summary>
    public static ScriptedFailure InvalidApiKey { get; } = new(401, "invalid_request_error", "invalid_api_key",
        "Incorrect API key provided: sk-wrong. You can find your API key at https://platform.openai.com/account/api-keys.");
}
