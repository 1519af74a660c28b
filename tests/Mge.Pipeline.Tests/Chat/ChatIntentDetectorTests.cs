using Mge.Pipeline.Chat;

namespace Mge.Pipeline.Tests.Chat;

public sealed class ChatIntentDetectorTests
{
    [Theory]
    [InlineData("Create a FastAPI REST API for task management with users, tasks and comments", "create")]
    [InlineData("Build me a blog backend", "build")]
    [InlineData("please generate an Express API for notes", "generate")]
    [InlineData("Can you create a Django app for a library?", "create")]
    [InlineData("Crear una API de tareas con FastAPI", "crear")]
    [InlineData("Crea una API REST para una biblioteca", "crea")]
    [InlineData("Genera el backend de una tienda", "genera")]
    [InlineData("GENERÁ un CRUD de productos", "genera")]
    [InlineData("Implementar un sistema de reservas", "implementar")]
    [InlineData("Créame una API de notas", "creame")]
    [InlineData("¿Puedes crear una API para gestionar préstamos?", "crear")]
    public void Implementation_verbs_followed_by_what_to_make_are_direct(string message, string trigger)
    {
        var intent = ChatIntentDetector.Detect(message);

        Assert.Equal(ChatIntentKind.Direct, intent.Kind);
        Assert.Equal(trigger, intent.Trigger);
        Assert.True(intent.StartsGeneration);
    }

    [Theory]
    [InlineData("sí a todo")]
    [InlineData("Si a todo!")]
    [InlineData("¡Sí, a todo!")]
    [InlineData("vamos")]
    [InlineData("Dale")]
    [InlineData("ok, dale!")]
    [InlineData("adelante")]
    [InlineData("Go ahead")]
    [InlineData("let’s go")]
    public void Go_ahead_phrases_are_ready(string message) =>
        Assert.Equal(ChatIntentKind.Ready, ChatIntentDetector.Detect(message).Kind);

    [Fact]
    public void A_long_technical_description_is_detailed()
    {
        const string English = "I need a backend for my bakery: customers place orders for cakes, each order has items and a pickup date, "
            + "staff mark orders as ready, and I want a REST endpoint for each of these things plus a database to keep them";
        const string Spanish = "Necesito un sistema para mi panadería donde los clientes hagan pedidos de tortas, cada pedido tiene productos "
            + "y una fecha de retiro, el personal marca los pedidos como listos y quiero guardarlo todo en una base de datos";

        Assert.True(ChatIntentDetector.CountWords(English) > ChatIntentDetector.DetailedMinWords);
        Assert.True(ChatIntentDetector.CountWords(Spanish) > ChatIntentDetector.DetailedMinWords);
        Assert.Equal(new ChatIntent(ChatIntentKind.Detailed, "backend"), ChatIntentDetector.Detect(English));
        Assert.Equal(new ChatIntent(ChatIntentKind.Detailed, "base de datos"), ChatIntentDetector.Detect(Spanish));
    }

    [Theory]
    // Questions and chatter.
    [InlineData("What kinds of projects can you build?")]
    [InlineData("How do I create an API with authentication?")]
    [InlineData("¿Qué puedes generar?")]
    [InlineData("¿Cómo creo una base de datos?")]
    [InlineData("Hola, ¿qué tal?")]
    [InlineData("Thanks!")]
    // Whole words only, and a verb needs an object.
    [InlineData("I will recreate it later")]
    [InlineData("Our builder pattern is odd")]
    [InlineData("a generated file looks wrong")]
    [InlineData("the general idea")]
    [InlineData("can you build")]
    // Short technical messages are not detailed; long ones without technical words neither.
    [InlineData("I like REST and databases")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Everything_else_is_conversation(string? message)
    {
        var intent = ChatIntentDetector.Detect(message);

        Assert.Equal(ChatIntent.Conversation, intent);
        Assert.False(intent.StartsGeneration);
    }

    [Fact]
    public void A_long_message_without_technical_words_is_conversation()
    {
        var message = string.Join(' ', Enumerable.Repeat("we talked about the weather and the garden", 5));

        Assert.Equal(ChatIntentKind.Conversation, ChatIntentDetector.Detect(message).Kind);
    }

    [Fact]
    public void A_long_technical_question_is_not_a_description()
    {
        var question = "What is the difference between FastAPI and Django when the API has many endpoints, a relational database, "
            + "background jobs, authentication with tokens and a few hundred models that change every week in my team?";

        Assert.Equal(ChatIntentKind.Conversation, ChatIntentDetector.Detect(question).Kind);
    }
}
