using Mge.Pipeline.Chat;
using Mge.Pipeline.Storage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace Mge.Pipeline.Tests.Chat;

public sealed class ChatConversationTests
{
    private readonly Mock<IChatClient> model = new();
    private int calls;

    public ChatConversationTests()
    {
        model
            .Setup(m => m.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new ChatResponse(new ChatMessage(ChatRole.Assistant, $"  reply {Interlocked.Increment(ref calls)}  ")) { ModelId = "gpt-4o-mini" });
    }

    [Fact]
    public async Task A_question_is_answered_by_the_model_and_both_turns_are_kept()
    {
        using var services = Services();
        var chat = services.GetRequiredService<ChatConversation>();

        var decision = await chat.DecideAsync("c1", "What can you do?");
        var reply = await chat.ReplyAsync(decision);

        Assert.False(decision.StartsGeneration);
        Assert.Equal(1, decision.Turn);
        Assert.Equal("reply 1", reply);
        var turns = await services.GetRequiredService<ConversationStore>().ListAsync("c1");
        Assert.Equal([(1, "user", "What can you do?"), (1, "assistant", "reply 1")], turns.Select(t => (t.Turn, t.Role, t.Text)));
        Assert.Equal(2, (await chat.DecideAsync("c1", "And Django?")).Turn);
    }

    [Fact]
    public async Task The_same_message_at_the_same_turn_is_answered_from_the_journal_not_paid_twice()
    {
        using var services = Services();
        var chat = services.GetRequiredService<ChatConversation>();
        var decision = await chat.DecideAsync("c2", "hello");

        var first = await chat.ReplyAsync(decision);
        var retry = await chat.ReplyAsync(decision);

        Assert.Equal(first, retry);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task A_go_ahead_builds_what_was_described_since_the_last_start()
    {
        using var services = Services();
        var chat = services.GetRequiredService<ChatConversation>();
        await chat.ReplyAsync(await chat.DecideAsync("c3", "Quiero una API de notas"));
        await chat.ReplyAsync(await chat.DecideAsync("c3", "con usuarios y etiquetas"));

        var ready = await chat.DecideAsync("c3", "dale");
        Assert.Equal(ChatIntentKind.Ready, ready.Intent.Kind);
        Assert.Equal("Quiero una API de notas\ncon usuarios y etiquetas", ready.GenerationRequest);
        await chat.RecordStartAsync(ready, "run-1", "started");

        var again = await chat.DecideAsync("c3", "vamos");
        Assert.Equal(ChatIntentKind.Conversation, again.Intent.Kind);
        Assert.Null(again.GenerationRequest);
        var turns = await services.GetRequiredService<ConversationStore>().ListAsync("c3");
        Assert.Equal("run-1", turns.Single(t => t.Role == ConversationTurn.AssistantRole && t.Turn == 3).RunId);
    }

    [Fact]
    public async Task A_direct_request_generates_the_message_itself()
    {
        using var services = Services();
        var decision = await services.GetRequiredService<ChatConversation>().DecideAsync("c4", "  Create a Django blog with posts  ");

        Assert.Equal("Create a Django blog with posts", decision.GenerationRequest);
        Assert.Equal(0, calls);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("with space")]
    public async Task Malformed_conversation_ids_are_refused(string id)
    {
        using var services = Services();

        await Assert.ThrowsAsync<ArgumentException>(() => services.GetRequiredService<ChatConversation>().DecideAsync(id, "hi"));
        Assert.NotNull(ConversationIds.Problem(id));
    }

    [Fact]
    public void Call_keys_are_deterministic_per_turn_and_text()
    {
        Assert.Equal(ConversationIds.CallKey(2, "hi"), ConversationIds.CallKey(2, "hi"));
        Assert.NotEqual(ConversationIds.CallKey(2, "hi"), ConversationIds.CallKey(3, "hi"));
        Assert.NotEqual(ConversationIds.CallKey(2, "hi"), ConversationIds.CallKey(2, "hey"));
        Assert.Matches("^chat-00002-[0-9a-f]{16}$", ConversationIds.CallKey(2, "hi"));
        Assert.Null(ConversationIds.Problem(ConversationIds.New()));
    }

    [Theory]
    [InlineData("dale", "¡En marcha!")]
    [InlineData("go ahead", "On it!")]
    public void Start_replies_follow_the_language_of_the_trigger(string message, string opening) =>
        Assert.StartsWith(opening, ChatReplies.GenerationStarted(ChatIntentDetector.Detect(message), "run-9"), StringComparison.Ordinal);

    private ServiceProvider Services() => new ServiceCollection()
        .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
        .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
        .AddMgePipeline()
        .AddMgeInMemoryStorage()
        .AddMgeChat()
        .AddSingleton(model.Object)
        .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
}
