using Microsoft.Extensions.AI;

namespace Mge.Models.Providers;

/// <summary>
/// The host's plain <see cref="IChatClient"/> when roles have their own models: a call whose
/// <see cref="ChatOptions.ModelId"/> names a configured model goes to that model's client (for Azure OpenAI the
/// deployment is in the URL, so the model id alone would not switch it); any other call goes to the default model.
/// This lets callers that set ChatOptions.ModelId per role (ModelGateway via PipelineOptions.Models) reach the
/// right deployment without knowing about <see cref="IChatClientSelector"/>.
/// </summary>
public sealed class ModelIdRoutingChatClient : IChatClient
{
    private readonly ModelRouter _router;

    public ModelIdRoutingChatClient(ModelRouter router)
    {
        ArgumentNullException.ThrowIfNull(router);
        _router = router;
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Route(options).GetResponseAsync(messages, options, cancellationToken);

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Route(options).GetStreamingResponseAsync(messages, options, cancellationToken);

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is null && serviceType.IsInstanceOfType(this))
        {
            return this;
        }

        return _router.DefaultClient.GetService(serviceType, serviceKey);
    }

    /// <summary>The router owns the clients; nothing to release here.</summary>
    public void Dispose()
    {
    }

    private IChatClient Route(ChatOptions? options) => _router.ForModel(options?.ModelId) ?? _router.DefaultClient;
}
