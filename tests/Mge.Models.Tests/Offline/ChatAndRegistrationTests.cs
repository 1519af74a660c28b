using Mge.Models.Offline;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Prompting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Mge.Models.Tests.Offline;

public sealed class ChatAndRegistrationTests
{
    [Fact]
    public async Task Chat_answers_in_English_and_asks_for_entities()
    {
        using var client = new OfflineChatClient();

        var answer = await client.GetResponseAsync("Hello, what can you do?");

        Assert.Contains("FastAPI, Django or Express", answer.Text);
        Assert.Contains("Which entities", answer.Text);
    }

    [Fact]
    public async Task Chat_answers_in_Spanish_to_a_Spanish_message()
    {
        using var client = new OfflineChatClient();
        var context = new PromptContext { Role = ModelRole.Chat };

        var answer = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Hola, ¿qué puedes hacer por mí?\n\n" + context.ToFencedBlock())]);

        Assert.Contains("¿Qué entidades necesitas", answer.Text);
    }

    [Fact]
    public void AddMgeOfflineModel_registers_one_configured_chat_client()
    {
        var services = new ServiceCollection();
        services.AddMgeOfflineModel(o => o.Seed = 42);
        using var provider = services.BuildServiceProvider();

        var chat = provider.GetRequiredService<IChatClient>();
        Assert.Same(provider.GetRequiredService<OfflineChatClient>(), chat);
        Assert.Equal("mge-offline-1", chat.GetService<ChatClientMetadata>()!.DefaultModelId);
    }

    [Fact]
    public void AddMgeOfflineModel_rejects_invalid_options()
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentOutOfRangeException>(() => services.AddMgeOfflineModel(o => o.FaultRate = -0.1));
    }

    [Fact]
    public async Task Project_type_in_the_context_may_be_written_as_the_cli_value()
    {
        using var client = new OfflineChatClient();
        var block = "```json mge-context\n{\"role\":\"discovery\",\"request\":\"An API with users\",\"project_type\":\"django\"}\n```";

        var answer = await client.GetResponseAsync([new ChatMessage(ChatRole.User, block)]);

        Assert.Equal("django", OfflinePrompts.ReadJson<DiscoveryDocument>(answer.Text).ProjectType);
    }
}
