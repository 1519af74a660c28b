using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Mge.Models.Providers;
using Mge.Models.Tests.Replay;

namespace Mge.Models.Tests.Providers;

public sealed class OpenAICompatibleWireTests
{
    [Fact]
    public async Task Sends_bearer_auth_and_the_model_to_the_custom_base_url_and_maps_cached_tokens()
    {
        await using var server = new ReplayServer("openai/chat-completion.http");
        using var host = ModelHost.Build(ModelHost.OpenAI(server, model: "qwen2.5-coder:7b"));

        var response = await host.Chat().GetResponseAsync(ModelHost.Prompt());

        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("Bearer " + ModelHost.OpenAIKey, request.Header("Authorization"));
        Assert.Equal("qwen2.5-coder:7b", request.Json.GetProperty("model").GetString());
        Assert.Equal("The plan has 12 tasks in 3 phases.", response.Text);
        Assert.Equal(1412, response.Usage!.InputTokenCount);
        Assert.Equal(1280, response.Usage.CachedInputTokenCount);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
    }

    [Fact]
    public async Task A_local_server_without_a_key_gets_no_authorization_header()
    {
        await using var server = new ReplayServer("openai/chat-completion.http");
        using var host = ModelHost.Build(ModelHost.OpenAI(server, model: "llama3.1"), environment: new Dictionary<string, string>());

        await host.Chat().GetResponseAsync(ModelHost.Prompt());

        Assert.Null(Assert.Single(server.Requests).Header("Authorization"));
        Assert.Equal("none", host.GetRequiredService<ModelDescriptor>().Authentication);
    }

    [Fact]
    public async Task Streams_with_the_usage_only_last_chunk()
    {
        await using var server = new ReplayServer("openai/chat-completion-stream.http");
        using var host = ModelHost.Build(ModelHost.OpenAI(server));

        var (text, updates) = await ModelHost.StreamAsync(host.Chat());

        Assert.Equal("Tasks: 12, phases: 3.", text);
        var usage = updates.SelectMany(u => u.Contents).OfType<UsageContent>().Single().Details;
        Assert.Equal((1650L, 9L, 1408L), (usage.InputTokenCount!.Value, usage.OutputTokenCount!.Value, usage.CachedInputTokenCount!.Value));
        Assert.True(Assert.Single(server.Requests).Json.GetProperty("stream_options").GetProperty("include_usage").GetBoolean());
    }

    [Fact]
    public async Task A_truncated_stream_ends_with_finish_reason_length()
    {
        await using var server = new ReplayServer("openai/truncated-length-stream.http");
        using var host = ModelHost.Build(ModelHost.OpenAI(server));

        var (text, updates) = await ModelHost.StreamAsync(host.Chat());

        Assert.Equal("{\"phases\": [{\"name\": \"Foundation\", \"milestones\"", text);
        Assert.Equal(ChatFinishReason.Length, updates.ToChatResponse().FinishReason);
    }
}
