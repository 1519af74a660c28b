using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Mge.Pipeline.Prompting;
using Mge.Pipeline.Storage;
using Mge.Pipeline.Tests.Runs;
using Moq;

namespace Mge.Pipeline.Tests.Costs;

/// <summary>A host that registers a chat client under a role's key (Mge.Models' AddMgeModels does, per configured role model) gets that role's calls there.</summary>
public sealed class RoleClientTests
{
    [Fact]
    public async Task A_client_keyed_by_the_role_answers_that_roles_calls_and_others_go_to_the_default()
    {
        var code = new Mock<IChatClient>(MockBehavior.Strict);
        code.Setup(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ChatResponse(new ChatMessage(ChatRole.Assistant, "from the code model"))
            {
                ModelId = "gpt-4.1",
                Usage = new UsageDetails { InputTokenCount = 10, OutputTokenCount = 5 },
            });
        code.Setup(c => c.GetService(It.IsAny<Type>(), It.IsAny<object?>())).Returns((object?)null);
        using var host = new PipelineTestHost(services => services.AddKeyedSingleton(ModelRole.Code, code.Object));
        await host.CreateRunAsync();
        host.Answer(ModelRole.Chat, "from the default model");
        var gateway = host.Get<ModelGateway>();
        IReadOnlyList<ChatMessage> chat = [new(ChatRole.User, "```json mge-context\n{\"role\":\"chat\"}\n```")];
        IReadOnlyList<ChatMessage> codePrompt = [new(ChatRole.User, "```json mge-context\n{\"role\":\"code\"}\n```")];

        var coded = await gateway.CompleteAsync("run-1", "code-0001", ModelRole.Code, codePrompt);
        var chatted = await gateway.CompleteAsync("run-1", "chat-1", ModelRole.Chat, chat);

        Assert.Equal(("from the code model", "gpt-4.1"), (coded.Text, coded.Model));
        Assert.Equal("from the default model", chatted.Text);
        Assert.Single(host.Calls);
        Assert.Equal("gpt-4.1", (await host.Get<RunRepository>().GetCallAsync("run-1", "code-0001"))!.Model);
    }
}
