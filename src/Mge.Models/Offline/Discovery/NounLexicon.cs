using Mge.Models.Offline.Blueprint;

namespace Mge.Models.Offline.Discovery;

/// <summary>
/// Turns a word of a request (English or Spanish, singular or plural, accents or not) into the singular
/// English entity key the catalogue uses ("préstamos" -> "loan", "categories" -> "category").
/// </summary>
internal static class NounLexicon
{
    /// <summary>Spanish nouns (folded: no accents) to English singular keys, singular and plural forms.</summary>
    private static readonly Dictionary<string, string> Spanish = Build(
        ("usuario", "user"), ("tarea", "task"), ("comentario", "comment"), ("producto", "product"),
        ("pedido", "order"), ("orden", "order"), ("cliente", "customer"), ("categoria", "category"),
        ("libro", "book"), ("autor", "author"), ("prestamo", "loan"), ("factura", "invoice"),
        ("pago", "payment"), ("empleado", "employee"), ("proyecto", "project"), ("mensaje", "message"),
        ("articulo", "article"), ("etiqueta", "tag"), ("resena", "review"), ("carrito", "cart"),
        ("inventario", "inventory"), ("proveedor", "supplier"), ("reserva", "reservation"),
        ("reservacion", "reservation"), ("habitacion", "room"), ("evento", "event"), ("curso", "course"),
        ("alumno", "student"), ("estudiante", "student"), ("profesor", "teacher"), ("docente", "teacher"),
        ("nota", "grade"), ("calificacion", "grade"), ("departamento", "department"), ("miembro", "member"),
        ("socio", "member"), ("publicacion", "post"), ("entrada", "post"), ("equipo", "team"),
        ("cita", "appointment"), ("paciente", "patient"), ("medico", "doctor"), ("doctor", "doctor"),
        ("ticket", "ticket"), ("incidencia", "ticket"), ("vehiculo", "vehicle"), ("empresa", "company"),
        ("compania", "company"), ("contacto", "contact"), ("direccion", "address"), ("envio", "shipment"),
        ("almacen", "warehouse"), ("venta", "sale"), ("compra", "purchase"), ("matricula", "enrollment"),
        ("inscripcion", "enrollment"), ("asignatura", "subject"), ("materia", "subject"), ("leccion", "lesson"),
        ("examen", "exam"), ("receta", "recipe"), ("ingrediente", "ingredient"), ("pelicula", "movie"),
        ("cancion", "song"), ("album", "album"), ("artista", "artist"), ("jugador", "player"),
        ("partido", "match"), ("torneo", "tournament"), ("cuenta", "account"), ("transaccion", "transaction"),
        ("notificacion", "notification"), ("archivo", "file"), ("documento", "document"), ("foto", "photo"),
        ("imagen", "image"), ("sala", "room"), ("mesa", "table"), ("plato", "dish"), ("menu", "menu"),
        ("huesped", "guest"), ("hotel", "hotel"), ("sucursal", "branch"), ("marca", "brand"),
        ("vuelo", "flight"), ("pasajero", "passenger"), ("boleto", "ticket"), ("entrada", "ticket"),
        ("objetivo", "goal"), ("hito", "milestone"), ("sprint", "sprint"), ("gasto", "expense"),
        ("ingreso", "income"), ("presupuesto", "budget"), ("lista", "list"), ("elemento", "item"),
        ("linea", "item"), ("detalle", "item"), ("rol", "role"), ("permiso", "permission"));

    /// <summary>Words that set the domain of a request but are not entities ("library", "biblioteca").</summary>
    private static readonly Dictionary<string, string> DomainWords = new(StringComparer.Ordinal)
    {
        ["library"] = "Library", ["biblioteca"] = "Library", ["bibliotecas"] = "Library",
        ["store"] = "Online store", ["shop"] = "Online store", ["tienda"] = "Online store", ["ecommerce"] = "E-commerce",
        ["school"] = "School", ["escuela"] = "School", ["colegio"] = "School", ["university"] = "University",
        ["universidad"] = "University", ["academy"] = "Academy", ["academia"] = "Academy",
        ["blog"] = "Blog", ["restaurant"] = "Restaurant", ["restaurante"] = "Restaurant",
        ["clinic"] = "Clinic", ["clinica"] = "Clinic", ["hospital"] = "Hospital", ["gym"] = "Gym",
        ["gimnasio"] = "Gym", ["bank"] = "Banking", ["banco"] = "Banking", ["company"] = "Company",
        ["crm"] = "Customer relationship management", ["erp"] = "Enterprise resource planning",
        ["marketplace"] = "Marketplace", ["forum"] = "Forum", ["foro"] = "Forum", ["helpdesk"] = "Help desk",
    };

    /// <summary>Words that describe features or technology, never entities ("authentication", "pruebas").</summary>
    private static readonly HashSet<string> NonEntities = new(StringComparer.Ordinal)
    {
        "api", "apis", "rest", "restful", "crud", "endpoint", "endpoints", "route", "routes", "authentication", "auth",
        "authorization", "login", "logout", "jwt", "oauth", "token", "tokens", "pagination", "test", "tests", "testing",
        "unit", "docker", "dockerfile", "validation", "logging", "logs", "swagger", "openapi", "documentation", "docs",
        "database", "db", "sqlite", "postgres", "postgresql", "mysql", "mongodb", "redis", "cache", "caching",
        "search", "searching", "filter", "filters", "filtering", "sorting", "support", "json", "security",
        "fastapi", "django", "express", "node", "nodejs", "python", "javascript", "typescript", "sqlalchemy",
        "pydantic", "framework", "backend", "frontend", "server", "service", "services", "system", "app",
        "application", "project", "platform", "website", "site", "tool", "feature", "features", "operation",
        "operations", "management", "managing", "basic", "simple", "full", "complete", "model", "models", "entity",
        "entities", "resource", "resources", "data", "information", "things", "stuff", "more", "etc",
        "autenticacion", "autorizacion", "paginacion", "prueba", "pruebas", "validacion", "documentacion",
        "base", "datos", "soporte", "filtro", "filtros", "busqueda", "sistema", "aplicacion", "servicio",
        "plataforma", "gestion", "administracion", "operacion", "operaciones", "modelo", "modelos", "entidad",
        "entidades", "recurso", "recursos", "cosas", "mas", "sitio", "web", "herramienta",
    };

    /// <summary>English words the catalogue knows under another key.</summary>
    private static readonly Dictionary<string, string> EnglishSynonyms = new(StringComparer.Ordinal)
    {
        ["staff"] = "employee", ["todos"] = "task", ["todo"] = "task", ["to-dos"] = "task",
    };

    /// <summary>True for words that are features or technology, not entities.</summary>
    public static bool IsNonEntity(string folded) => NonEntities.Contains(folded);

    /// <summary>The domain a word names ("biblioteca" -> "Library"), or null.</summary>
    public static string? DomainOf(string folded) => DomainWords.GetValueOrDefault(folded);

    /// <summary>The Spanish form's English key, or null when the word is not a known Spanish noun.</summary>
    public static string? FromSpanish(string folded) => Spanish.GetValueOrDefault(folded);

    /// <summary>The singular English key of any word: Spanish dictionary first, then English synonyms and plural rules.</summary>
    public static string ToEntityKey(string folded)
    {
        if (Spanish.TryGetValue(folded, out var spanish))
        {
            return spanish;
        }

        if (EnglishSynonyms.TryGetValue(folded, out var synonym))
        {
            return synonym;
        }

        return Naming.ToSnake(Naming.Singularize(folded));
    }

    /// <summary>
    /// The catalogue key a word of a Spanish request stands for: a Spanish noun of the dictionary ("préstamos" ->
    /// loan) or an English noun the catalogue knows ("posts" -> post); null for any other word.
    /// </summary>
    public static string? Translate(string folded)
    {
        if (Spanish.TryGetValue(folded, out var spanish))
        {
            return spanish;
        }

        var english = ToEntityKey(folded);
        return EntityCatalog.IsKnown(english) ? english : null;
    }

    private static Dictionary<string, string> Build(params (string Word, string Key)[] pairs)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (word, key) in pairs)
        {
            map.TryAdd(word, key);
            map.TryAdd(SpanishPlural(word), key);
        }

        return map;
    }

    /// <summary>Spanish plural: vowel + s, consonant + es, z -> ces ("autor" -> "autores", "lapiz" -> "lapices").</summary>
    private static string SpanishPlural(string word) => word[^1] switch
    {
        'a' or 'e' or 'i' or 'o' or 'u' => word + "s",
        'z' => word[..^1] + "ces",
        _ => word + "es",
    };
}
