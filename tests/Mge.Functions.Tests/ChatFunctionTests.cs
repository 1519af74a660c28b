using Mge.Api.Http;
using Mge.Functions.Http;
using Mge.Functions.Tests.Support;
using Mge.Pipeline.Chat;
using Mge.Pipeline.Storage;
using Mge.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Mge.Pipeline.Prompting;
using Moq;

namespace Mge.Functions.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class ChatFunctionTests : IDisposable
{
    private readonly Mock<IChatClient> model = new();
    private readonly List<IReadOnlyList<ChatMessage>> prompts = [];
    private readonly FunctionsApp app;

    public ChatFunctionTests(AzuriteFixture azurite)
    {
        model
            .Setup(m => m.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()))
            .Callback<IEnumerable<ChatMessage>, ChatOptions?, CancellationToken>((messages, _, _) => prompts.Add(messages.ToList()))
            .ReturnsAsync((IEnumerable<ChatMessage> _, ChatOptions? _, CancellationToken _) =>
                new ChatResponse(new ChatMessage(ChatRole.Assistant, $"Answer {prompts.Count}: FastAPI, Django or Express.")) { ModelId = "gpt-4o-mini" });
        app = FunctionsApp.Create(azurite.ConnectionString, configure: services =>
        {
            // The chat role's client (AddMgeModels registers one per role) and the default one.
            services.AddSingleton(model.Object);
            services.RemoveAllKeyed<IChatClient>(ModelRole.Chat);
            services.AddKeyedSingleton(ModelRole.Chat, model.Object);
        });
    }

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_question_gets_the_models_answer_and_no_generation()
    {
        var response = await ChatAsync("""{"message": "What kinds of projects can you build?", "conversationId": "conv-q1"}""");

        Assert.Equal(200, response.Status);
        var body = response.Json();
        Assert.Equal("Answer 1: FastAPI, Django or Express.", body.GetProperty("reply").GetString());
        Assert.Equal("conv-q1", body.GetProperty("conversationId").GetString());
        Assert.Equal("conversation", body.GetProperty("intent").GetString());
        Assert.Empty(app.Scheduled);
        var prompt = Assert.Single(prompts);
        Assert.Equal(ChatRole.System, prompt[0].Role);
        Assert.Contains("What kinds of projects can you build?", prompt[^1].Text, StringComparison.Ordinal);

        // The call is journaled per conversation and message: its cost is recorded under the conversation.
        var calls = await app.Service<RunRepository>().ListCallsAsync(ConversationIds.CallPartition("conv-q1"));
        Assert.Equal(ConversationIds.CallKey(1, "What kinds of projects can you build?"), Assert.Single(calls).Key);
    }

    [Fact]
    public async Task Later_questions_carry_the_conversation_so_far()
    {
        await ChatAsync("""{"message": "Hola, ¿qué puedes hacer?", "conversationId": "conv-q2"}""");
        await ChatAsync("""{"message": "¿Y con Django?", "conversationId": "conv-q2"}""");

        Assert.Equal(2, prompts.Count);
        var second = prompts[1];
        Assert.Contains(second, m => m.Role == ChatRole.User && m.Text == "Hola, ¿qué puedes hacer?");
        Assert.Contains(second, m => m.Role == ChatRole.Assistant && m.Text == "Answer 1: FastAPI, Django or Express.");
    }

    [Theory]
    [InlineData("Create a FastAPI REST API for task management with users, tasks and comments", "direct")]
    [InlineData("Genera una API en Express para un blog con posts y comentarios", "direct")]
    public async Task An_implementation_request_starts_a_generation_like_post_projects(string message, string intent)
    {
        var response = await ChatAsync($$"""{"message": "{{message}}", "conversationId": "conv-d-{{intent}}"}""");

        Assert.Equal(202, response.Status);
        var body = response.Json();
        Assert.Equal(intent, body.GetProperty("intent").GetString());
        var runId = body.GetProperty("runId").GetString()!;
        Assert.Contains(runId, body.GetProperty("reply").GetString(), StringComparison.Ordinal);
        Assert.Equal(runId, body.GetProperty("run").GetProperty("id").GetString());
        Assert.Equal($"https://mge.example/api/projects/{runId}", response.Headers.Location.ToString());
        var scheduled = Assert.Single(app.Scheduled);
        Assert.Equal(runId, scheduled.InstanceId);
        var run = await app.Service<RunRepository>().GetRunAsync(runId);
        Assert.Equal(message, run!.Request);
        Assert.Empty(prompts);
    }

    [Fact]
    public async Task A_go_ahead_generates_what_the_user_described_before()
    {
        var description = "Quiero una API de biblioteca con libros, autores y préstamos en Django";
        var first = await ChatAsync($$"""{"message": "{{description}}", "conversationId": "conv-ready"}""");
        var goAhead = await ChatAsync("""{"message": "¡Sí a todo, dale!", "conversationId": "conv-ready"}""");

        Assert.Equal(200, first.Status);
        Assert.Equal(202, goAhead.Status);
        Assert.Equal("ready", goAhead.Json().GetProperty("intent").GetString());
        Assert.StartsWith("¡En marcha!", goAhead.Json().GetProperty("reply").GetString(), StringComparison.Ordinal);
        var run = await app.Service<RunRepository>().GetRunAsync(Assert.Single(app.Scheduled).Input.RunId);
        Assert.Equal(description, run!.Request);

        // After the start, another go-ahead has nothing new to build: the model answers instead.
        var again = await ChatAsync("""{"message": "vamos", "conversationId": "conv-ready"}""");
        Assert.Equal(200, again.Status);
        Assert.Single(app.Scheduled);
    }

    [Fact]
    public async Task A_conversation_id_is_made_when_none_is_sent()
    {
        var body = (await ChatAsync("""{"message": "hello"}""")).Json();

        Assert.Null(ConversationIds.Problem(body.GetProperty("conversationId").GetString()));
    }

    [Theory]
    [InlineData("""{"message": ""}""", "message")]
    [InlineData("""{"message": "   "}""", "message")]
    [InlineData("""{"conversationId": "c1"}""", "message")]
    [InlineData("""{"message": "hi", "conversationId": "../etc"}""", "conversationId")]
    [InlineData("""{"message": "hi", "extra": 1}""", "extra")]
    [InlineData("""{"message": """, "message")]
    public async Task Bad_chat_bodies_are_400_problems(string json, string field)
    {
        var problem = (await ChatAsync(json)).Problem(400);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Empty(app.Scheduled);
        Assert.Empty(prompts);
    }

    [Fact]
    public async Task A_message_over_the_request_limit_is_refused()
    {
        var problem = (await ChatAsync($$"""{"message": "{{new string('a', 20_001)}}"}""")).Problem(400);

        Assert.Contains("20,000", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private Task<ExecutedResponse> ChatAsync(string json)
    {
        var request = FunctionsApp.Request("POST", "/api/chat", json);
        return app.InvokeAsync<ChatFunction>(request, f => f.RunAsync(request, app.Client.Object, CancellationToken.None));
    }
}
