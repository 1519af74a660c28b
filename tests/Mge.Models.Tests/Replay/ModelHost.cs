using Azure.Core;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Mge.Models.Providers;

namespace Mge.Models.Tests.Replay;

/// <summary>Builds the chat clients the way a host does (AddMgeModels), pointed at a replay server, with a test clock and environment.</summary>
internal static class ModelHost
{
    public const string AzureKey = "azure-test-key-0123456789";
    public const string OpenAIKey = "sk-mge-test-key";

    public static ServiceProvider Build(ModelProviderOptions options, TimeProvider? time = null, TokenCredential? credential = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var variables = environment ?? new Dictionary<string, string>
        {
            [ModelProviderOptions.DefaultAzureKeyVariable] = AzureKey,
            [ModelProviderOptions.DefaultOpenAIKeyVariable] = OpenAIKey,
        };
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddMgeModels(options, credential, name => variables.TryGetValue(name, out var value) ? value : null);
        return services.BuildServiceProvider();
    }

    public static ModelProviderOptions Azure(ReplayServer server, string deployment = "gpt-4o", int maxRetries = 3, TimeSpan? timeout = null) => new()
    {
        Provider = ModelProviderNames.AzureOpenAI,
        Endpoint = server.BaseAddress.ToString(),
        Deployment = deployment,
        MaxRetries = maxRetries,
        Timeout = timeout ?? TimeSpan.FromSeconds(30),
    };

    public static ModelProviderOptions OpenAI(ReplayServer server, string model = "gpt-4o-mini", int maxRetries = 3, TimeSpan? timeout = null) => new()
    {
        Provider = ModelProviderNames.OpenAI,
        Endpoint = new Uri(server.BaseAddress, "v1").ToString(),
        Model = model,
        MaxRetries = maxRetries,
        Timeout = timeout ?? TimeSpan.FromSeconds(30),
    };

    public static IChatClient Chat(this ServiceProvider provider) => provider.GetRequiredService<IChatClient>();

    public static List<ChatMessage> Prompt(string text = "Plan a FastAPI task manager.") =>
    [
        new(ChatRole.System, "You are MGE's planner."),
        new(ChatRole.User, text),
    ];

    public static async Task<(string Text, List<ChatResponseUpdate> Updates)> StreamAsync(IChatClient client, CancellationToken cancellationToken = default)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(Prompt(), null, cancellationToken))
        {
            updates.Add(update);
        }

        return (string.Concat(updates.Select(u => u.Text)), updates);
    }
}
