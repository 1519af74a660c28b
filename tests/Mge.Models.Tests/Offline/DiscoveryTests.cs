using Mge.Models.Offline;
using Mge.Pipeline.Domain;

namespace Mge.Models.Tests.Offline;

public sealed class DiscoveryTests
{
    private static async Task<DiscoveryDocument> DiscoverAsync(string request, ProjectType? type = null)
    {
        using var client = new OfflineChatClient();
        var answer = await client.GetResponseAsync(OfflinePrompts.Discovery(request, type));
        return OfflinePrompts.ReadJson<DiscoveryDocument>(answer.Text);
    }

    private static DomainEntity Entity(DiscoveryDocument document, string name) => Assert.Single(document.Entities, e => e.Name == name);

    private static IEnumerable<string> BelongsTo(DomainEntity entity) =>
        entity.Relations.Where(r => r.Kind == "belongs_to").Select(r => r.Target);

    [Fact]
    public async Task English_request_yields_the_named_entities_attributes_and_relations()
    {
        var document = await DiscoverAsync("Create a FastAPI REST API for task management with users, tasks, and comments");

        Assert.Equal("Task management", document.Domain);
        Assert.Equal("fastapi", document.ProjectType);
        Assert.Equal(["User", "Task", "Comment"], document.Entities.Select(e => e.Name));
        Assert.Equal(["username", "email", "full_name"], Entity(document, "User").Attributes.Select(a => a.Name));
        Assert.Equal(["title", "description", "status", "due_date"], Entity(document, "Task").Attributes.Select(a => a.Name));
        Assert.Equal(["User"], BelongsTo(Entity(document, "Task")));
        Assert.Equal(["Task", "User"], BelongsTo(Entity(document, "Comment")));
        Assert.Contains(Entity(document, "User").Relations, r => r.Kind == "has_many" && r.Target == "Task");
    }

    [Fact]
    public async Task English_request_groups_entities_into_contexts_and_aggregates()
    {
        var document = await DiscoverAsync("Create a FastAPI REST API for task management with users, tasks, and comments");

        var identity = Assert.Single(document.BoundedContexts, c => c.Name == "Identity");
        Assert.Equal("User", Assert.Single(identity.Aggregates).Root);
        var core = Assert.Single(document.BoundedContexts, c => c.Name != "Identity");
        var taskAggregate = Assert.Single(core.Aggregates);
        Assert.Equal("Task", taskAggregate.Root);
        Assert.Equal(["Task", "Comment"], taskAggregate.Entities.Select(e => e.Name));
    }

    [Fact]
    public async Task Spanish_request_is_translated_to_English_entities()
    {
        var document = await DiscoverAsync("Crea una API REST con FastAPI para gestionar una biblioteca con libros, autores y préstamos");

        Assert.Equal(["Book", "Author", "Loan"], document.Entities.Select(e => e.Name));
        Assert.Equal("Library management", document.Domain);
        Assert.Equal(["Author"], BelongsTo(Entity(document, "Book")));
        Assert.Equal(["Book"], BelongsTo(Entity(document, "Loan")));
        Assert.Contains(Entity(document, "Book").Attributes, a => a.Name == "isbn" && a.Unique);
    }

    [Fact]
    public async Task Spanish_dictionary_and_plural_rules_cover_common_nouns()
    {
        var document = await DiscoverAsync("Crea una API con Django para una tienda con productos, categorías, clientes, pedidos y reseñas");

        Assert.Equal("django", document.ProjectType);
        Assert.Equal(["Category", "Customer", "Order", "Product", "Review"], document.Entities.Select(e => e.Name).Order());
        Assert.Equal(["Category"], BelongsTo(Entity(document, "Product")));
        Assert.Equal(["Customer"], BelongsTo(Entity(document, "Order")));
        Assert.Equal(["Product", "Customer"], BelongsTo(Entity(document, "Review")));
    }

    [Theory]
    [InlineData("Create a FastAPI project")]
    [InlineData("Hello, how are you?")]
    [InlineData("Crea un proyecto con Express y autenticación JWT")]
    public async Task Request_naming_no_entities_yields_zero_entities(string request)
    {
        var document = await DiscoverAsync(request);

        Assert.Empty(document.Entities);
        Assert.Empty(document.BoundedContexts);
        Assert.False(string.IsNullOrWhiteSpace(document.Summary));
    }

    [Fact]
    public async Task Features_and_technology_words_are_not_entities()
    {
        var document = await DiscoverAsync("Build an Express API with users and posts with JWT authentication, pagination and tests");

        Assert.Equal("express", document.ProjectType);
        Assert.Equal(["User", "Post"], document.Entities.Select(e => e.Name));
        Assert.Equal(["User"], BelongsTo(Entity(document, "Post")));
    }

    [Fact]
    public async Task Unknown_nouns_are_singularised_PascalCased_and_owned_by_a_user_like_first_entity()
    {
        var document = await DiscoverAsync("Make a Django API with members, gadgets and warranties");

        Assert.Equal(["Member", "Gadget", "Warranty"], document.Entities.Select(e => e.Name));
        Assert.Equal(["name", "description"], Entity(document, "Gadget").Attributes.Select(a => a.Name));
        Assert.Equal(["Member"], BelongsTo(Entity(document, "Gadget")));
        Assert.Equal(["Member"], BelongsTo(Entity(document, "Warranty")));
    }

    [Fact]
    public async Task Context_project_type_wins_over_request_words()
    {
        var document = await DiscoverAsync("Create a FastAPI API with products", ProjectType.Express);

        Assert.Equal("express", document.ProjectType);
    }
}
