using Mge.Pipeline.Domain;

namespace Mge.Models.Offline.Discovery;

/// <summary>
/// What the offline model knows about common entities: a description, sensible attributes and the entities
/// each one usually belongs to. Each parent group lists alternatives in order of preference; the first one
/// the request names becomes a belongs_to relation. Unknown entities get <see cref="Generic"/>.
/// </summary>
internal static class EntityCatalog
{
    /// <summary>Entities that own others (a later entity belongs to one of these when nothing better is known).</summary>
    public static readonly IReadOnlySet<string> OwnerKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "user", "customer", "member", "client", "employee", "student", "patient", "guest", "account", "person", "player",
    };

    /// <summary>Entities that live inside another entity's aggregate (a comment is part of its task or post).</summary>
    public static readonly IReadOnlySet<string> PartKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "comment", "review", "item", "attachment", "lesson", "ingredient", "grade", "enrollment", "payment",
    };

    private static readonly string[] Owners = ["user", "customer", "member", "client", "student", "employee", "person"];
    private static readonly string[] Commentable = ["task", "post", "article", "ticket", "product", "book", "project", "issue", "photo", "movie", "recipe", "event"];
    private static readonly string[] Reviewable = ["product", "book", "movie", "course", "hotel", "restaurant", "recipe", "room", "service"];

    public static readonly CatalogEntry Generic = new("A {0} record.", [Attr("name", "string"), Attr("description", "text", required: false)], []);

    private static readonly Dictionary<string, CatalogEntry> Entries = new(StringComparer.Ordinal)
    {
        ["user"] = new("A person who uses the system.", [Attr("username", "string", unique: true), Attr("email", "email", unique: true), Attr("full_name", "string", required: false)], []),
        ["task"] = new("A unit of work to be done.", [Attr("title", "string"), Attr("description", "text", required: false), Attr("status", "string", required: false), Attr("due_date", "date", required: false)], [["project"], ["user", "employee", "member"]]),
        ["comment"] = new("A remark written about another record.", [Attr("body", "text")], [Commentable, Owners]),
        ["product"] = new("An item offered for sale.", [Attr("name", "string"), Attr("description", "text", required: false), Attr("price", "float"), Attr("stock", "integer", required: false)], [["category"], ["supplier"], ["brand"]]),
        ["order"] = new("A purchase placed by a customer.", [Attr("status", "string", required: false), Attr("total", "float"), Attr("ordered_at", "datetime", required: false)], [["customer", "user", "client", "member"]]),
        ["item"] = new("One line of a larger record.", [Attr("quantity", "integer"), Attr("unit_price", "float", required: false)], [["order", "cart", "invoice", "list"], ["product"]]),
        ["customer"] = new("Someone who buys from the business.", [Attr("name", "string"), Attr("email", "email", unique: true), Attr("phone", "string", required: false)], []),
        ["client"] = new("Someone the business serves.", [Attr("name", "string"), Attr("email", "email", unique: true), Attr("phone", "string", required: false)], []),
        ["category"] = new("A group that classifies other records.", [Attr("name", "string", unique: true), Attr("description", "text", required: false)], []),
        ["book"] = new("A book in the catalogue.", [Attr("title", "string"), Attr("isbn", "string", unique: true), Attr("published_date", "date", required: false), Attr("pages", "integer", required: false)], [["author"], ["category"]]),
        ["author"] = new("A person who writes books or articles.", [Attr("name", "string"), Attr("biography", "text", required: false), Attr("birth_date", "date", required: false)], []),
        ["loan"] = new("A book lent to a reader for a period.", [Attr("loan_date", "date"), Attr("due_date", "date"), Attr("returned", "boolean", required: false)], [["book"], ["user", "member", "student", "customer"]]),
        ["invoice"] = new("A bill issued for an order or a customer.", [Attr("number", "string", unique: true), Attr("issue_date", "date"), Attr("total", "float"), Attr("paid", "boolean", required: false)], [["order"], ["customer", "client", "user"]]),
        ["payment"] = new("Money received for an invoice or an order.", [Attr("amount", "float"), Attr("method", "string"), Attr("paid_at", "datetime", required: false)], [["invoice", "order", "reservation", "loan"], ["customer", "client", "user"]]),
        ["employee"] = new("A person employed by the organisation.", [Attr("first_name", "string"), Attr("last_name", "string"), Attr("email", "email", unique: true), Attr("position", "string", required: false), Attr("hire_date", "date", required: false)], [["department"], ["company"]]),
        ["department"] = new("An organisational unit.", [Attr("name", "string", unique: true), Attr("description", "text", required: false)], [["company"]]),
        ["company"] = new("An organisation.", [Attr("name", "string", unique: true), Attr("website", "string", required: false)], []),
        ["project"] = new("A body of work with its own goals and tasks.", [Attr("name", "string"), Attr("description", "text", required: false), Attr("start_date", "date", required: false), Attr("end_date", "date", required: false)], [["team", "department", "company", "client", "customer"], ["user"]]),
        ["message"] = new("A message sent by a user.", [Attr("content", "text"), Attr("sent_at", "datetime", required: false)], [["conversation", "channel", "room"], Owners]),
        ["article"] = new("A written piece published on the site.", [Attr("title", "string"), Attr("content", "text"), Attr("published", "boolean", required: false)], [["author", "user"], ["category"]]),
        ["post"] = new("A published entry.", [Attr("title", "string"), Attr("content", "text"), Attr("published", "boolean", required: false)], [["author", "user", "member"], ["category"]]),
        ["tag"] = new("A label attached to records.", [Attr("name", "string", unique: true)], []),
        ["review"] = new("A rating and opinion about a record.", [Attr("rating", "integer"), Attr("comment", "text", required: false)], [Reviewable, ["customer", "user", "client", "member"]]),
        ["cart"] = new("A shopping cart being filled.", [Attr("created_at", "datetime", required: false), Attr("checked_out", "boolean", required: false)], [["customer", "user", "client"]]),
        ["inventory"] = new("Stock held for a product.", [Attr("quantity", "integer"), Attr("location", "string", required: false)], [["product"], ["warehouse"]]),
        ["supplier"] = new("A business that supplies products.", [Attr("name", "string"), Attr("email", "email", required: false), Attr("phone", "string", required: false)], []),
        ["reservation"] = new("A booking for a period.", [Attr("start_date", "date"), Attr("end_date", "date"), Attr("status", "string", required: false)], [["room", "table", "event", "flight", "vehicle"], ["guest", "customer", "user", "client", "member"]]),
        ["room"] = new("A room that can be booked.", [Attr("number", "string", unique: true), Attr("room_type", "string", required: false), Attr("price", "float"), Attr("capacity", "integer", required: false)], [["hotel"]]),
        ["hotel"] = new("A hotel.", [Attr("name", "string"), Attr("address", "string", required: false)], []),
        ["guest"] = new("A person staying at the hotel.", [Attr("name", "string"), Attr("email", "email", unique: true)], []),
        ["event"] = new("Something that happens at a given time.", [Attr("name", "string"), Attr("description", "text", required: false), Attr("start_time", "datetime"), Attr("location", "string", required: false)], []),
        ["course"] = new("A course that students take.", [Attr("title", "string"), Attr("description", "text", required: false), Attr("credits", "integer", required: false)], [["teacher"]]),
        ["student"] = new("A person enrolled in courses.", [Attr("first_name", "string"), Attr("last_name", "string"), Attr("email", "email", unique: true)], []),
        ["teacher"] = new("A person who teaches courses.", [Attr("first_name", "string"), Attr("last_name", "string"), Attr("email", "email", unique: true)], []),
        ["grade"] = new("A mark given to a student.", [Attr("value", "float"), Attr("comment", "text", required: false)], [["student"], ["course", "subject", "exam"]]),
        ["enrollment"] = new("A student's place in a course.", [Attr("enrolled_on", "date")], [["student"], ["course"]]),
        ["member"] = new("A registered member.", [Attr("name", "string"), Attr("email", "email", unique: true), Attr("joined_on", "date", required: false)], []),
        ["team"] = new("A group of people working together.", [Attr("name", "string", unique: true), Attr("description", "text", required: false)], []),
        ["appointment"] = new("A scheduled meeting.", [Attr("scheduled_at", "datetime"), Attr("reason", "string", required: false)], [["patient", "customer", "client", "user"], ["doctor", "employee"]]),
        ["patient"] = new("A person receiving care.", [Attr("first_name", "string"), Attr("last_name", "string"), Attr("birth_date", "date", required: false)], []),
        ["doctor"] = new("A medical doctor.", [Attr("name", "string"), Attr("specialty", "string", required: false)], []),
        ["ticket"] = new("A support request.", [Attr("subject", "string"), Attr("description", "text", required: false), Attr("status", "string", required: false), Attr("priority", "string", required: false)], [Owners]),
        ["vehicle"] = new("A vehicle.", [Attr("plate", "string", unique: true), Attr("model", "string"), Attr("year", "integer", required: false)], [Owners]),
        ["account"] = new("An account holding a balance.", [Attr("number", "string", unique: true), Attr("balance", "float")], [["customer", "client", "user"]]),
        ["transaction"] = new("A movement of money.", [Attr("amount", "float"), Attr("description", "string", required: false), Attr("occurred_at", "datetime", required: false)], [["account"]]),
        ["notification"] = new("A notice sent to a user.", [Attr("title", "string"), Attr("body", "text", required: false), Attr("read", "boolean", required: false)], [Owners]),
        ["recipe"] = new("A recipe.", [Attr("title", "string"), Attr("instructions", "text"), Attr("servings", "integer", required: false)], [["author", "user"], ["category"]]),
        ["ingredient"] = new("An ingredient of a recipe.", [Attr("name", "string"), Attr("quantity", "string", required: false)], [["recipe"]]),
        ["movie"] = new("A film.", [Attr("title", "string"), Attr("release_year", "integer", required: false), Attr("director", "string", required: false)], [["category"]]),
        ["expense"] = new("Money spent.", [Attr("amount", "float"), Attr("description", "string", required: false), Attr("spent_on", "date")], [["category"], Owners]),
        ["contact"] = new("A contact person.", [Attr("name", "string"), Attr("email", "email", required: false), Attr("phone", "string", required: false)], [["company", "customer"]]),
        ["person"] = new("A person.", [Attr("name", "string"), Attr("email", "email", required: false)], []),
        ["player"] = new("A player.", [Attr("name", "string"), Attr("position", "string", required: false)], [["team"]]),
        ["role"] = new("A role granting permissions.", [Attr("name", "string", unique: true), Attr("description", "text", required: false)], []),
        ["note"] = new("A short note.", [Attr("title", "string"), Attr("content", "text", required: false)], [Owners]),
        ["shipment"] = new("A delivery of an order.", [Attr("tracking_number", "string", unique: true), Attr("status", "string", required: false), Attr("shipped_at", "datetime", required: false)], [["order"]]),
        ["warehouse"] = new("A place where stock is kept.", [Attr("name", "string"), Attr("location", "string", required: false)], []),
        ["sale"] = new("A completed sale.", [Attr("total", "float"), Attr("sold_at", "datetime", required: false)], [["customer", "client"], ["product"]]),
        ["subject"] = new("A subject taught at school.", [Attr("name", "string", unique: true), Attr("description", "text", required: false)], [["teacher"]]),
        ["lesson"] = new("A lesson of a course.", [Attr("title", "string"), Attr("content", "text", required: false)], [["course"]]),
        ["exam"] = new("An exam.", [Attr("title", "string"), Attr("exam_date", "date")], [["course", "subject"]]),
    };

    public static bool IsKnown(string key) => Entries.ContainsKey(key);

    public static CatalogEntry Lookup(string key) => Entries.GetValueOrDefault(key, Generic);

    private static EntityAttribute Attr(string name, string type, bool required = true, bool unique = false) =>
        new() { Name = name, Type = type, Required = required, Unique = unique };
}

/// <summary>One catalogue row: description (may contain {0} for the entity name), attributes, parent preference groups.</summary>
internal sealed record CatalogEntry(string Description, IReadOnlyList<EntityAttribute> Attributes, IReadOnlyList<IReadOnlyList<string>> ParentGroups);
