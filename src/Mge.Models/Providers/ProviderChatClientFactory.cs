using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace Mge.Models.Providers;

/// <summary>
/// Builds the raw provider <see cref="IChatClient"/> for one model id. The SDKs' own retries are switched off
/// (<see cref="ClientRetryPolicy"/> with 0 retries) because <c>ResilientChatClient</c> is the one place faults are
/// handled; their network timeout is kept as the guard against a stalled read.
/// </summary>
internal static class ProviderChatClientFactory
{
    /// <summary>A function building the client of each model, sharing one SDK client (one connection pool) per host.</summary>
    public static Func<string, IChatClient> Create(ResolvedModelSettings settings, TokenCredential? credential)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Provider switch
        {
            ModelProviderNames.AzureOpenAI => AzureOpenAI(settings, credential),
            ModelProviderNames.OpenAI => OpenAICompatible(settings),
            _ => throw new ArgumentException($"Provider '{settings.Provider}' has no remote client.", nameof(settings)),
        };
    }

    private static Func<string, IChatClient> AzureOpenAI(ResolvedModelSettings settings, TokenCredential? credential)
    {
        var endpoint = settings.Endpoint ?? throw new ArgumentException("Azure OpenAI needs an endpoint.", nameof(settings));
        var options = new AzureOpenAIClientOptions();
        Configure(options, settings);
        AzureOpenAIClient client;
        if (settings.UseEntraId)
        {
            client = new AzureOpenAIClient(endpoint, credential ?? DefaultCredential(settings.ClientId), options);
        }
        else
        {
            var key = settings.ApiKey ?? throw new ArgumentException("Azure OpenAI needs an API key or Entra ID.", nameof(settings));
            client = new AzureOpenAIClient(endpoint, new ApiKeyCredential(key), options);
        }

        // The deployment goes into the URL (/openai/deployments/{deployment}/chat/completions).
        return deployment => client.GetChatClient(deployment).AsIChatClient();
    }

    private static Func<string, IChatClient> OpenAICompatible(ResolvedModelSettings settings)
    {
        return model =>
        {
            var options = new OpenAIClientOptions();
            if (settings.Endpoint is not null)
            {
                options.Endpoint = settings.Endpoint;
            }

            Configure(options, settings);
            // The AuthenticationPolicy constructor is marked for evaluation (OPENAI001); it is the only way to send no
            // Authorization header at all, and the OpenAI version is pinned centrally, so a change shows at upgrade time.
#pragma warning disable OPENAI001
            var chat = settings.ApiKey is null
                ? new ChatClient(model, new AnonymousAuthenticationPolicy(), options)
                : new ChatClient(model, new ApiKeyCredential(settings.ApiKey), options);
#pragma warning restore OPENAI001
            return chat.AsIChatClient();
        };
    }

    private static void Configure(ClientPipelineOptions options, ResolvedModelSettings settings)
    {
        options.RetryPolicy = new ClientRetryPolicy(maxRetries: 0);
        options.NetworkTimeout = settings.Resilience.AttemptTimeout;
    }

    /// <summary>A user-assigned managed identity when a client id is given, else the DefaultAzureCredential chain (az login locally, managed identity in Azure).</summary>
    private static TokenCredential DefaultCredential(string? clientId) => clientId is null
        ? new DefaultAzureCredential()
        : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
}
