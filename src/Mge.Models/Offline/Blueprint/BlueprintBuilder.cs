using Mge.Models.Offline.Discovery;
using Mge.Pipeline.Domain;

namespace Mge.Models.Offline.Blueprint;

/// <summary>Builds a <see cref="ProjectBlueprint"/> from a discovery document (the offline model's or any model's).</summary>
internal static class BlueprintBuilder
{
    /// <summary>Names that would clash with what the generated files import; such entities get a "Record" suffix.</summary>
    private static readonly HashSet<string> ReservedClassNames = new(StringComparer.Ordinal)
    {
        "Base", "Date", "DateTime", "String", "Text", "Integer", "Float", "Boolean", "ForeignKey", "Mapped", "Session",
        "BaseModel", "ConfigDict", "Field", "Router", "Request", "Response", "Collection", "Model", "Iterator", "Any",
        "Callable", "Decimal", "Health", "Api", "App", "Test", "Object", "Error", "Map", "Set", "Promise", "Json",
        // Python's capitalised keywords and JavaScript globals a class declaration would shadow.
        "None", "True", "False", "Function", "Array", "Number", "Symbol", "RegExp", "Math", "Proxy", "Reflect", "Buffer",
        "Exception", "Optional", "Path", "Query", "Depends", "HttpRequest", "HttpResponse", "JsonResponse",
        "TestCase", "TestClient", "StaticPool", "IntegrityError", "ValidationError", "FastAPI", "APIRouter", "HTTPException",
    };

    private static readonly HashSet<string> ReservedFieldNames = new(StringComparer.Ordinal)
    {
        // Python keywords and soft keywords, and names the generated classes already use.
        "false", "none", "true", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
        "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", "id", "pk", "objects", "metadata",
        "registry", "model_config", "model_fields", "constructor", "prototype", "__proto__",
    };

    public static ProjectBlueprint Build(DiscoveryDocument discovery, ProjectType projectType)
    {
        ArgumentNullException.ThrowIfNull(discovery);
        var language = LanguageOf(discovery);
        var declared = discovery.Entities
            .Select(e => (Source: e, Name: ClassName(e.Name, language)))
            .Where(e => e.Name.Length > 0)
            .DistinctBy(e => e.Name)
            .ToList();
        var names = declared.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var sourceNameToClass = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (source, name) in declared)
        {
            sourceNameToClass.TryAdd(source.Name, name);
            sourceNameToClass.TryAdd(Naming.ToPascal(source.Name), name);
        }

        // Foreign keys: every child's belongs_to first, then each parent's has_many that no belongs_to already
        // covers, to entities that exist, deduplicated by (child, field).
        var links = new List<(string Child, string Field, string Parent)>();
        foreach (var (source, name) in declared)
        {
            foreach (var relation in source.Relations)
            {
                if (relation.Kind.Trim().ToLowerInvariant() is "belongs_to" or "many_to_one" or "one_to_one"
                    && sourceNameToClass.TryGetValue(relation.Target, out var parent))
                {
                    var field = FieldName(relation.Field is { Length: > 0 } f ? f : parent);
                    if (!links.Any(l => l.Child == name && l.Field == field))
                    {
                        links.Add((name, field, parent));
                    }
                }
            }
        }

        foreach (var (source, name) in declared)
        {
            foreach (var relation in source.Relations)
            {
                if (relation.Kind.Trim().ToLowerInvariant() is "has_many" or "one_to_many"
                    && sourceNameToClass.TryGetValue(relation.Target, out var child)
                    && !links.Any(l => l.Child == child && l.Parent == name))
                {
                    var field = FieldName(name);
                    if (!links.Any(l => l.Child == child && l.Field == field))
                    {
                        links.Add((child, field, name));
                    }
                }
            }
        }

        var ordered = OrderParentsFirst(declared.Select(d => d.Name).ToList(), links, out var optionalLinks);
        var entities = new List<BlueprintEntity>();
        foreach (var name in ordered)
        {
            var source = declared.First(d => d.Name == name).Source;
            var parents = links.Where(l => l.Child == name).Select(l =>
            {
                var sameParent = links.Count(o => o.Child == name && o.Parent == l.Parent);
                var childPlural = BlueprintEntity.PluralOf(name, language);
                var inverse = sameParent > 1 ? $"{childPlural}_as_{l.Field}" : childPlural;
                var required = !optionalLinks.Contains(l);
                return new BlueprintRelation(l.Field, l.Parent, BlueprintEntity.PluralOf(l.Parent, language), required, inverse);
            }).ToList();
            var taken = parents.SelectMany(p => new[] { p.Field, p.Column }).ToHashSet(StringComparer.Ordinal);
            var fields = new List<BlueprintField>();
            foreach (var attribute in source.Attributes)
            {
                var field = FieldName(attribute.Name);
                if (field.Length == 0 || taken.Contains(field) || fields.Any(f => f.Name == field))
                {
                    continue;
                }

                fields.Add(new BlueprintField(field, NormaliseType(attribute.Type, field), attribute.Required, attribute.Unique));
            }

            entities.Add(new BlueprintEntity(name, string.IsNullOrWhiteSpace(source.Description) ? $"A {Naming.ToSnake(name).Replace('_', ' ')}." : source.Description.Trim(), fields, parents, language));
        }

        // A parent collection must not shadow one of the parent's own fields.
        entities = entities.Select(e => e with
        {
            Parents = e.Parents.Select(p =>
            {
                var parent = entities.First(x => x.Name == p.Target);
                return parent.Fields.Any(f => f.Name == p.Inverse) || parent.Parents.Any(r => r.Field == p.Inverse || r.Column == p.Inverse)
                    ? p with { Inverse = p.Inverse + "_set" }
                    : p;
            }).ToList(),
        }).ToList();

        var projectName = Naming.ToSnake(discovery.ProjectName).Replace('_', '-');
        return new ProjectBlueprint(projectName.Length > 0 ? projectName : "mge-project", string.IsNullOrWhiteSpace(discovery.Domain) ? "General" : discovery.Domain.Trim(), projectType, entities);
    }

    /// <summary>
    /// The language the document names its entities in: Spanish when its prose (summary, context and entity
    /// descriptions) reads as Spanish. The offline discovery writes Spanish prose exactly when it keeps the
    /// request's Spanish nouns as names, so "Visita" gets the table "visitas" and "Book" gets "books".
    /// </summary>
    internal static NamingLanguage LanguageOf(DiscoveryDocument discovery)
    {
        var prose = string.Join(". ", new[] { discovery.Summary }
            .Concat(discovery.BoundedContexts.Select(c => c.Description))
            .Concat(discovery.Entities.Select(e => e.Description)));
        return RequestAnalyzer.LooksSpanish(prose) ? NamingLanguage.Spanish : NamingLanguage.English;
    }

    internal static string ClassName(string name) => ClassName(name, NamingLanguage.English);

    /// <summary>PascalCase singular class name, valid in Python and JavaScript, clear of the names the generated files import.</summary>
    internal static string ClassName(string name, NamingLanguage language)
    {
        var pascal = Naming.ToPascal(Naming.Singularize(Naming.ToSnake(name), language));
        if (pascal.Length > 0 && char.IsAsciiDigit(pascal[0]))
        {
            pascal = "N" + pascal;
        }

        return ReservedClassNames.Contains(pascal) ? pascal + "Record" : pascal;
    }

    private static string FieldName(string name)
    {
        var snake = Naming.ToSnake(name);
        while (snake.Contains("__", StringComparison.Ordinal))
        {
            snake = snake.Replace("__", "_", StringComparison.Ordinal);
        }

        return ReservedFieldNames.Contains(snake) || snake.StartsWith("model_", StringComparison.Ordinal) ? snake + "_value" : snake;
    }

    private static string NormaliseType(string type, string field)
    {
        var t = type.Trim().ToLowerInvariant();
        return t switch
        {
            "string" or "str" or "varchar" or "char" or "uuid" or "url" or "slug" or "phone" or "enum" => "string",
            "text" or "longtext" or "markdown" => "text",
            "integer" or "int" or "long" or "bigint" or "smallint" => "integer",
            "float" or "double" or "decimal" or "number" or "money" or "price" or "real" => "float",
            "boolean" or "bool" => "boolean",
            "datetime" or "timestamp" or "date_time" or "datetimeoffset" => "datetime",
            "date" => "date",
            "email" => "email",
            _ => field.Contains("email", StringComparison.Ordinal) ? "email" : "string",
        };
    }

    /// <summary>
    /// Kahn's order, stable by declaration; when only cycles remain, the earliest entity goes next and the
    /// links into it from entities still waiting become optional (nullable), so every record can be created.
    /// </summary>
    private static List<string> OrderParentsFirst(List<string> names, List<(string Child, string Field, string Parent)> links, out HashSet<(string Child, string Field, string Parent)> optional)
    {
        var optionalLinks = new HashSet<(string Child, string Field, string Parent)>();
        optional = optionalLinks;
        var placed = new List<string>();
        var remaining = new List<string>(names);
        while (remaining.Count > 0)
        {
            var next = remaining.FirstOrDefault(n => links.Where(l => l.Child == n && !optionalLinks.Contains(l)).All(l => placed.Contains(l.Parent)));
            if (next is null)
            {
                next = remaining[0];
                foreach (var link in links.Where(l => l.Child == next && !placed.Contains(l.Parent)))
                {
                    optionalLinks.Add(link);
                }
            }

            placed.Add(next);
            remaining.Remove(next);
        }

        return placed;
    }
}
