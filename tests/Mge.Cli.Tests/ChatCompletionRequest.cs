namespace Mge.Cli.Tests;

/// <summary>
/// One request <see cref="ChatCompletionsServer"/> received, as the test checks it: the route it came in on, the
/// credentials it carried, what the body asked for and what the server answered (status and the usage it reported).
/// </summary>
/// <param name="ReceivedAfter">When the request arrived, measured from the server's start.</param>
/// <param name="PathAndQuery">The request target, e.g. /v1/chat/completions or /openai/deployments/D/chat/completions?api-version=V.</param>
/// <param name="Authorization">The Authorization header (OpenAI: "Bearer KEY"), null when absent.</param>
/// <param name="ApiKey">The api-key header (Azure OpenAI key authentication), null when absent.</param>
/// <param name="Model">The body's "model", or the deployment of an Azure route when the body names none.</param>
/// <param name="Stream">Whether the body asked for server-sent events.</param>
/// <param name="IncludeUsage">Whether stream_options.include_usage was set.</param>
/// <param name="Status">The HTTP status answered.</param>
/// <param name="PromptTokens">usage.prompt_tokens answered (0 for an error).</param>
/// <param name="CompletionTokens">usage.completion_tokens answered (0 for an error).</param>
/// <param name="CachedTokens">usage.prompt_tokens_details.cached_tokens answered (0 for an error).</param>
public sealed record ChatCompletionRequest(
    TimeSpan ReceivedAfter,
    string PathAndQuery,
    string? Authorization,
    string? ApiKey,
    string? Model,
    bool Stream,
    bool IncludeUsage,
    int Status,
    long PromptTokens,
    long CompletionTokens,
    long CachedTokens)
{
    /// <summary>True when the request was answered with a completion (2xx).</summary>
    public bool Answered => Status is >= 200 and < 300;
}
