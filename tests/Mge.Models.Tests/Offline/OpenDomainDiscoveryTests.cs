using System.Text.RegularExpressions;
using Mge.Models.Offline;
using Mge.Models.Offline.Blueprint;
using Mge.Pipeline.Domain;

namespace Mge.Models.Tests.Offline;

/// <summary>
/// Requests from domains the offline model has no vocabulary for: discovery finds exactly the entities the
/// request enumerates, named by the request's own nouns (singular, PascalCase, accents folded), with plural
/// snake_case table and route names in the request's language.
/// </summary>
public sealed partial class OpenDomainDiscoveryTests
{
    public const string Beekeeping = "Build an Express API for a beekeeping cooperative: hives, apiaries, harvests and beekeepers";
    public const string Protectora = "una protectora con animales, adoptantes, solicitudes de adopción y visitas";

    public static TheoryData<string, string[], string[]> OpenDomainRequests => new()
    {
        // English
        {
            "Create a FastAPI service for a vineyard with grapes, barrels, vintages and tastings",
            ["Grape", "Barrel", "Vintage", "Tasting"], ["grapes", "barrels", "vintages", "tastings"]
        },
        {
            "A Django app managing greenhouses, seedlings, fertilizers and irrigation schedules",
            ["Greenhouse", "Seedling", "Fertilizer", "IrrigationSchedule"], ["greenhouses", "seedlings", "fertilizers", "irrigation_schedules"]
        },
        {
            "Make an API for a dance studio: choreographies, rehearsals, dancers, costume boxes and addresses",
            ["Choreography", "Rehearsal", "Dancer", "CostumeBox", "Address"], ["choreographies", "rehearsals", "dancers", "costume_boxes", "addresses"]
        },
        {
            "Express API for a wildlife sanctuary with enclosures, feeding statuses, keepers and people",
            ["Enclosure", "FeedingStatus", "Keeper", "Person"], ["enclosures", "feeding_statuses", "keepers", "people"]
        },
        {
            "Build a Node API that tracks lighthouses, foghorns, lamp replacements and lens inspections",
            ["Lighthouse", "Foghorn", "LampReplacement", "LensInspection"], ["lighthouses", "foghorns", "lamp_replacements", "lens_inspections"]
        },

        // Spanish
        {
            "Crea una API para una bodega con barricas, cosechas, catas y enólogos",
            ["Barrica", "Cosecha", "Cata", "Enologo"], ["barricas", "cosechas", "catas", "enologos"]
        },
        {
            "Quiero un backend en Django para gestionar colmenas, apiarios, ciudades y apicultores",
            ["Colmena", "Apiario", "Ciudad", "Apicultor"], ["colmenas", "apiarios", "ciudades", "apicultores"]
        },
        {
            "Una API en Express para una escuela de música con canciones, lápices, partituras y salas de ensayo",
            ["Cancion", "Lapiz", "Partitura", "SalaEnsayo"], ["canciones", "lapices", "partituras", "salas_ensayo"]
        },
        {
            "Genera una API con FastAPI para un taller mecánico: reparaciones, piezas de repuesto, mecánicos y órdenes de trabajo",
            ["Reparacion", "PiezaRepuesto", "Mecanico", "OrdenTrabajo"], ["reparaciones", "piezas_repuesto", "mecanicos", "ordenes_trabajo"]
        },
        {
            "Haz una API de Express para una cooperativa agrícola con socios, parcelas, cuentas bancarias y entregas de grano",
            ["Socio", "Parcela", "CuentaBancaria", "EntregaGrano"], ["socios", "parcelas", "cuentas_bancarias", "entregas_grano"]
        },

        // The two requests of issue 11
        { Beekeeping, ["Hive", "Apiary", "Harvest", "Beekeeper"], ["hives", "apiaries", "harvests", "beekeepers"] },
        { Protectora, ["Animal", "Adoptante", "SolicitudAdopcion", "Visita"], ["animales", "adoptantes", "solicitudes_adopcion", "visitas"] },
    };

    [Theory]
    [MemberData(nameof(OpenDomainRequests))]
    public async Task Request_yields_exactly_the_entities_it_enumerates(string request, string[] classNames, string[] plurals)
    {
        var discovery = await DiscoverAsync(request);

        // The document lists entities by bounded context (owners first), so compare them as sets.
        Assert.Equal(classNames.Order(StringComparer.Ordinal), discovery.Entities.Select(e => e.Name).Order(StringComparer.Ordinal));
        var blueprint = BlueprintBuilder.Build(discovery, ProjectTypeNames.TryParse(discovery.ProjectType) ?? ProjectType.FastApi);
        Assert.Equal(classNames.Order(StringComparer.Ordinal), blueprint.Entities.Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(plurals, classNames.Select(n => blueprint.Get(n).Plural));
    }

    [Theory]
    [MemberData(nameof(OpenDomainRequests))]
    public async Task Names_are_identifiers_in_Python_and_JavaScript_and_tables_are_plural_snake_case(string request, string[] classNames, string[] plurals)
    {
        var discovery = await DiscoverAsync(request);
        var blueprint = BlueprintBuilder.Build(discovery, ProjectType.FastApi);

        Assert.Equal(classNames.Length, blueprint.Entities.Count);
        Assert.Equal(plurals.Length, blueprint.Entities.Select(e => e.Plural).Distinct().Count());
        foreach (var entity in blueprint.Entities)
        {
            Assert.Matches(PascalIdentifier(), entity.Name);
            Assert.Matches(SnakeIdentifier(), entity.Module);
            Assert.Matches(SnakeIdentifier(), entity.Plural);
            Assert.False(Naming.IsReservedWord(entity.Module), entity.Module);
            Assert.False(Naming.IsReservedWord(entity.Name.ToLowerInvariant()), entity.Name);
            Assert.NotEqual(entity.Module, entity.Plural);
        }
    }

    [Fact]
    public async Task Beekeeping_request_names_its_domain_and_stack()
    {
        var discovery = await DiscoverAsync(Beekeeping);

        Assert.Equal("express", discovery.ProjectType);
        Assert.Equal("Beekeeping cooperative", discovery.Domain);
        Assert.Equal("beekeeping-cooperative-api", discovery.ProjectName);
        Assert.All(discovery.Entities, e => Assert.Equal(["name", "description"], e.Attributes.Select(a => a.Name)));
    }

    [Fact]
    public async Task Spanish_names_come_with_Spanish_prose_and_keep_the_catalogue_attributes_of_known_nouns()
    {
        var discovery = await DiscoverAsync("Crea una API para una clínica veterinaria con mascotas, dueños, citas y vacunas");

        Assert.Equal(["Mascota", "Dueno", "Cita", "Vacuna"], discovery.Entities.Select(e => e.Name));
        Assert.Equal("Clínica veterinaria", discovery.Domain);
        Assert.Equal("clinica-veterinaria-api", discovery.ProjectName);
        Assert.StartsWith("Una API REST de FastAPI para clínica veterinaria con Mascota, Dueno, Cita, Vacuna", discovery.Summary);
        Assert.Equal("Un registro de dueño.", Assert.Single(discovery.Entities, e => e.Name == "Dueno").Description);

        // "citas" is the catalogue's appointment: its attributes apply under its Spanish name.
        Assert.Equal(["scheduled_at", "reason"], Assert.Single(discovery.Entities, e => e.Name == "Cita").Attributes.Select(a => a.Name));
        Assert.Equal(NamingLanguage.Spanish, BlueprintBuilder.LanguageOf(discovery));
    }

    [Fact]
    public async Task Spanish_request_the_lexicon_fully_translates_keeps_English_names_and_plurals()
    {
        var discovery = await DiscoverAsync("Crea una API REST para gestionar una biblioteca con libros, autores y órdenes de compra");

        Assert.Equal(["Book", "Author", "PurchaseOrder"], discovery.Entities.Select(e => e.Name));
        var blueprint = BlueprintBuilder.Build(discovery, ProjectType.FastApi);
        Assert.Equal(["authors", "books", "purchase_orders"], blueprint.Entities.Select(e => e.Plural).Order(StringComparer.Ordinal));
        Assert.Equal(NamingLanguage.English, BlueprintBuilder.LanguageOf(discovery));
    }

    [Theory]
    [InlineData("Make an API with an easy way to see what is going on", new string[0])]
    [InlineData("Hives, apiaries and harvests for our cooperative, with FastAPI", new[] { "Hive", "Apiary", "Harvest" })]
    [InlineData("An Express API for hives and harvests", new[] { "Hive", "Harvest" })]
    [InlineData("An Express API for buying and selling hives", new string[0])]
    [InlineData("Entities: users, blog posts and order items", new[] { "User", "Post", "OrderItem" })]
    [InlineData("Una API con gestión de reservas y salas", new[] { "Reservation", "Room" })]
    [InlineData("Una API para perros, gatos y dueños", new[] { "Perro", "Gato", "Dueno" })]
    public async Task Lists_are_found_by_their_shape(string request, string[] classNames)
    {
        var discovery = await DiscoverAsync(request);

        Assert.Equal(classNames, discovery.Entities.Select(e => e.Name));
    }

    private static async Task<DiscoveryDocument> DiscoverAsync(string request)
    {
        using var client = new OfflineChatClient();
        var answer = await client.GetResponseAsync(OfflinePrompts.Discovery(request));
        return OfflinePrompts.ReadJson<DiscoveryDocument>(answer.Text);
    }

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex PascalIdentifier();

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeIdentifier();
}
