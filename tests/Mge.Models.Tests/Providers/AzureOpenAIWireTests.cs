using Azure.Core;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Mge.Models.Providers;
using Mge.Models.Tests.Replay;
using Mge.Pipeline.Prompting;

namespace Mge.Models.Tests.Providers;

public sealed class AzureOpenAIWireTests
{
    [Fact]
    public async Task Sends_the_deployment_in_the_url_and_the_api_key_header_and_maps_cached_tokens()
    {
        await using var server = new ReplayServer("azure-openai/chat-completion.http");
        using var host = ModelHost.Build(ModelHost.Azure(server, deployment: "mge-gpt4o"));

        var response = await host.Chat().GetResponseAsync(ModelHost.Prompt());

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/openai/deployments/mge-gpt4o/chat/completions", request.Path);
        Assert.Contains("api-version=", request.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(ModelHost.AzureKey, request.Header("api-key"));
        Assert.Null(request.Header("Authorization"));
        Assert.Equal("You are MGE's planner.", request.Json.GetProperty("messages")[0].GetProperty("content").GetString());

        Assert.StartsWith("```python\n# path: app/main.py", response.Text, StringComparison.Ordinal);
        Assert.Equal("gpt-4o-2024-11-20", response.ModelId);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(1830, response.Usage!.InputTokenCount);
        Assert.Equal(42, response.Usage.OutputTokenCount);
        Assert.Equal(1536, response.Usage.CachedInputTokenCount);
    }

    [Fact]
    public async Task Streams_server_sent_events_with_usage_from_the_last_chunk()
    {
        await using var server = new ReplayServer("azure-openai/chat-completion-stream.http");
        using var host = ModelHost.Build(ModelHost.Azure(server));

        var (text, updates) = await ModelHost.StreamAsync(host.Chat());

        Assert.Equal("{\"domain\": \"task management\", \"entities\": [\"User\", \"Task\", \"Comment\"]}", text);
        var request = Assert.Single(server.Requests);
        Assert.True(request.Json.GetProperty("stream").GetBoolean());
        Assert.True(request.Json.GetProperty("stream_options").GetProperty("include_usage").GetBoolean());
        var usage = updates.SelectMany(u => u.Contents).OfType<UsageContent>().Single().Details;
        Assert.Equal(2210, usage.InputTokenCount);
        Assert.Equal(21, usage.OutputTokenCount);
        Assert.Equal(2048, usage.CachedInputTokenCount);
        Assert.Contains(updates, u => u.FinishReason == ChatFinishReason.Stop);

        var response = updates.ToChatResponse();
        Assert.Equal(2048, response.Usage!.CachedInputTokenCount);
    }

    [Fact]
    public async Task Entra_id_sends_a_bearer_token_and_no_api_key()
    {
        await using var server = new ReplayServer("azure-openai/chat-completion.http");
        var options = ModelHost.Azure(server);
        options.UseEntraId = true;
        var credential = new FixedTokenCredential("entra-token-abc");
        using var host = ModelHost.Build(options, credential: credential, environment: new Dictionary<string, string>());

        await host.Chat().GetResponseAsync(ModelHost.Prompt());

        var request = Assert.Single(server.Requests);
        Assert.Equal("Bearer entra-token-abc", request.Header("Authorization"));
        Assert.Null(request.Header("api-key"));
        Assert.Contains("https://cognitiveservices.azure.com/.default", credential.Scopes);
        Assert.Equal("entra-id", host.GetRequiredService<ModelDescriptor>().Authentication);
    }

    [Fact]
    public async Task A_role_with_its_own_deployment_is_called_at_that_deployment()
    {
        await using var server = new ReplayServer(
            "azure-openai/chat-completion.http",
            "azure-openai/chat-completion.http",
            "azure-openai/chat-completion.http",
            "azure-openai/chat-completion.http");
        var options = ModelHost.Azure(server, deployment: "gpt-4o-mini");
        options.Roles["Code"] = new RoleModelOptions { Deployment = "gpt-4.1" };
        using var host = ModelHost.Build(options);
        var selector = host.GetRequiredService<IChatClientSelector>();

        var code = selector.ForRole(ModelRole.Code);
        var planning = selector.ForRole(ModelRole.Planning);
        await code.Client.GetResponseAsync(ModelHost.Prompt());
        await planning.Client.GetResponseAsync(ModelHost.Prompt());
        await host.Chat().GetResponseAsync(ModelHost.Prompt(), new ChatOptions { ModelId = "gpt-4.1" });
        await host.GetRequiredKeyedService<IChatClient>(ModelRole.Repair).GetResponseAsync(ModelHost.Prompt());

        Assert.Equal(("gpt-4.1", "azure-openai"), (code.ModelId, code.Provider));
        Assert.Equal("gpt-4o-mini", planning.ModelId);
        Assert.Equal(
            ["/openai/deployments/gpt-4.1/chat/completions", "/openai/deployments/gpt-4o-mini/chat/completions",
             "/openai/deployments/gpt-4.1/chat/completions", "/openai/deployments/gpt-4o-mini/chat/completions"],
            server.Requests.Select(r => r.Path));
        Assert.Equal("azure-openai gpt-4o-mini at " + server.BaseAddress + " (code: gpt-4.1)", host.GetRequiredService<ModelDescriptor>().Summary);
    }

    [Fact]
    public async Task A_truncated_answer_comes_back_with_finish_reason_length()
    {
        await using var server = new ReplayServer("azure-openai/truncated-length.http");
        using var host = ModelHost.Build(ModelHost.Azure(server));

        var response = await host.Chat().GetResponseAsync(ModelHost.Prompt());

        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        Assert.EndsWith("class User(", response.Text, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    /// <summary>An Entra ID credential that hands out one fixed token and remembers the scopes asked for.</summary>
    private sealed class FixedTokenCredential(string token) : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            lock (Scopes)
            {
                Scopes.AddRange(requestContext.Scopes);
            }

            return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
