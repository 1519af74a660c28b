using Mge.Models.Offline.Blueprint;

namespace Mge.Models.Tests.Offline;

/// <summary>Singular and plural rules of entity names, English and Spanish, with their exceptions.</summary>
public sealed class InflectionTests
{
    [Theory]
    [InlineData("hives", "hive")]
    [InlineData("apiaries", "apiary")]
    [InlineData("harvests", "harvest")]
    [InlineData("beekeepers", "beekeeper")]
    [InlineData("statuses", "status")]
    [InlineData("addresses", "address")]
    [InlineData("categories", "category")]
    [InlineData("boxes", "box")]
    [InlineData("people", "person")]
    [InlineData("children", "child")]
    [InlineData("movies", "movie")]
    [InlineData("caches", "cache")]
    [InlineData("matches", "match")]
    [InlineData("dishes", "dish")]
    [InlineData("houses", "house")]
    [InlineData("warehouses", "warehouse")]
    [InlineData("courses", "course")]
    [InlineData("purchases", "purchase")]
    [InlineData("buses", "bus")]
    [InlineData("aliases", "alias")]
    [InlineData("heroes", "hero")]
    [InlineData("shoes", "shoe")]
    [InlineData("knives", "knife")]
    [InlineData("archives", "archive")]
    [InlineData("quizzes", "quiz")]
    [InlineData("analyses", "analysis")]
    [InlineData("criteria", "criterion")]
    [InlineData("salesmen", "salesman")]
    [InlineData("ties", "tie")]
    [InlineData("news", "news")]
    [InlineData("series", "series")]
    [InlineData("status", "status")]
    [InlineData("campus", "campus")]
    [InlineData("alias", "alias")]
    [InlineData("canvas", "canvas")]
    [InlineData("order_items", "order_item")]
    [InlineData("contact_people", "contact_person")]
    public void English_plurals_become_singular(string plural, string singular)
    {
        Assert.Equal(singular, Naming.Singularize(plural));
    }

    [Theory]
    [InlineData("hive", "hives")]
    [InlineData("apiary", "apiaries")]
    [InlineData("status", "statuses")]
    [InlineData("address", "addresses")]
    [InlineData("category", "categories")]
    [InlineData("box", "boxes")]
    [InlineData("person", "people")]
    [InlineData("day", "days")]
    [InlineData("match", "matches")]
    [InlineData("knife", "knives")]
    [InlineData("hero", "heroes")]
    [InlineData("photo", "photos")]
    [InlineData("quiz", "quizzes")]
    [InlineData("salesman", "salesmen")]
    [InlineData("human", "humans")]
    [InlineData("movie", "movies")]
    [InlineData("contact_person", "contact_people")]
    [InlineData("order_item", "order_items")]
    [InlineData("inventory", "inventories")]
    public void English_singulars_become_plural_and_back(string singular, string plural)
    {
        Assert.Equal(plural, Naming.Pluralize(singular));
        Assert.Equal(singular, Naming.Singularize(plural));
    }

    [Theory]
    [InlineData("animales", "animal")]
    [InlineData("adoptantes", "adoptante")]
    [InlineData("solicitudes", "solicitud")]
    [InlineData("visitas", "visita")]
    [InlineData("ciudades", "ciudad")]
    [InlineData("lápices", "lápiz")]
    [InlineData("canciones", "canción")]
    [InlineData("peces", "pez")]
    [InlineData("luces", "luz")]
    [InlineData("avances", "avance")]
    [InlineData("índices", "índice")]
    [InlineData("razones", "razón")]
    [InlineData("almacenes", "almacén")]
    [InlineData("exámenes", "examen")]
    [InlineData("órdenes", "orden")]
    [InlineData("imágenes", "imagen")]
    [InlineData("trenes", "tren")]
    [InlineData("meses", "mes")]
    [InlineData("países", "país")]
    [InlineData("intereses", "interés")]
    [InlineData("autobuses", "autobús")]
    [InlineData("clases", "clase")]
    [InlineData("leyes", "ley")]
    [InlineData("relojes", "reloj")]
    [InlineData("viajes", "viaje")]
    [InlineData("calles", "calle")]
    [InlineData("padres", "padre")]
    [InlineData("mujeres", "mujer")]
    [InlineData("huéspedes", "huésped")]
    [InlineData("árboles", "árbol")]
    [InlineData("rubíes", "rubí")]
    [InlineData("cafés", "café")]
    [InlineData("menús", "menú")]
    [InlineData("caracteres", "carácter")]
    [InlineData("lunes", "lunes")]
    [InlineData("crisis", "crisis")]
    [InlineData("virus", "virus")]
    [InlineData("país", "país")]
    [InlineData("autobús", "autobús")]
    public void Spanish_plurals_become_singular(string plural, string singular)
    {
        Assert.Equal(singular, SpanishInflection.Singularize(plural));
    }

    [Theory]
    [InlineData("animal", "animales")]
    [InlineData("adoptante", "adoptantes")]
    [InlineData("solicitud", "solicitudes")]
    [InlineData("visita", "visitas")]
    [InlineData("ciudad", "ciudades")]
    [InlineData("lápiz", "lápices")]
    [InlineData("canción", "canciones")]
    [InlineData("almacén", "almacenes")]
    [InlineData("examen", "exámenes")]
    [InlineData("joven", "jóvenes")]
    [InlineData("tren", "trenes")]
    [InlineData("mes", "meses")]
    [InlineData("país", "países")]
    [InlineData("autobús", "autobuses")]
    [InlineData("ley", "leyes")]
    [InlineData("rubí", "rubíes")]
    [InlineData("menú", "menús")]
    [InlineData("café", "cafés")]
    [InlineData("carácter", "caracteres")]
    [InlineData("álbum", "álbumes")]
    [InlineData("post", "posts")]
    [InlineData("ticket", "tickets")]
    [InlineData("club", "clubs")]
    [InlineData("lunes", "lunes")]
    [InlineData("crisis", "crisis")]
    public void Spanish_singulars_become_plural_and_back(string singular, string plural)
    {
        Assert.Equal(plural, SpanishInflection.Pluralize(singular));
        Assert.Equal(singular, SpanishInflection.Singularize(plural));
    }

    [Theory]
    [InlineData("solicitud_adopcion", "solicitudes_adopcion")]
    [InlineData("cuenta_bancaria", "cuentas_bancarias")]
    [InlineData("historia_clinica", "historias_clinicas")]
    [InlineData("orden_trabajo", "ordenes_trabajo")]
    [InlineData("lapiz", "lapices")]
    [InlineData("cancion", "canciones")]
    [InlineData("animal", "animales")]
    public void Spanish_identifiers_pluralise_the_head_and_its_adjectives_folded(string singular, string plural)
    {
        Assert.Equal(plural, Naming.Pluralize(singular, NamingLanguage.Spanish));
        Assert.Equal(singular, Naming.Singularize(plural, NamingLanguage.Spanish));
    }

    [Theory]
    [InlineData("class")]
    [InlineData("import")]
    [InlineData("case")]
    [InlineData("package")]
    [InlineData("default")]
    [InlineData("function")]
    [InlineData("none")]
    public void Reserved_words_of_Python_or_JavaScript_are_recognised(string word)
    {
        Assert.True(Naming.IsReservedWord(word));
    }
}
