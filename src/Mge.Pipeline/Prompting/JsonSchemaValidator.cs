using System.Globalization;
using System.Text.Json;

namespace Mge.Pipeline.Prompting;

/// <summary>
/// Checks a JSON value against the subset of JSON Schema that generated record schemas use: <c>type</c> (one or
/// a list), <c>enum</c>, <c>const</c>, <c>properties</c>, <c>required</c>, <c>additionalProperties</c> (false or a
/// schema), <c>items</c>, <c>minItems</c>/<c>maxItems</c>, <c>anyOf</c>, <c>oneOf</c>, <c>allOf</c> and local
/// <c>$ref</c>s ("#/..."). Other keywords (descriptions, formats, defaults) do not constrain. Problems name the
/// place in the answer ("$.phases[0].milestones[1].tasks[2].number") so they can be fed back to the model.
/// </summary>
public static class JsonSchemaValidator
{
    /// <summary>At most this many problems are reported; a model fixes the first few and the rest follow.</summary>
    public const int MaxProblems = 20;

    public static IReadOnlyList<string> Validate(JsonElement schema, JsonElement value)
    {
        var problems = new List<string>();
        Check(schema, schema, value, "$", problems);
        return problems.Count > MaxProblems ? problems.Take(MaxProblems).ToList() : problems;
    }

    private static void Check(JsonElement root, JsonElement schema, JsonElement value, string path, List<string> problems)
    {
        if (problems.Count > MaxProblems)
        {
            return;
        }

        if (schema.ValueKind == JsonValueKind.False)
        {
            problems.Add($"{path}: no value is allowed here");
            return;
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            Check(root, Resolve(root, reference.GetString() ?? ""), value, path, problems);
        }

        if (schema.TryGetProperty("type", out var type) && !TypeMatches(type, value))
        {
            problems.Add($"{path}: expected {Describe(type)}, found {KindName(value)}");
            return;
        }

        if (schema.TryGetProperty("enum", out var allowed) && allowed.ValueKind == JsonValueKind.Array &&
            !allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, value)))
        {
            problems.Add($"{path}: {Show(value)} is not one of {string.Join(", ", allowed.EnumerateArray().Select(Show))}");
        }

        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
        {
            problems.Add($"{path}: must be {Show(constant)}");
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            CheckObject(root, schema, value, path, problems);
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            CheckArray(root, schema, value, path, problems);
        }

        CheckCombinators(root, schema, value, path, problems);
    }

    private static void CheckObject(JsonElement root, JsonElement schema, JsonElement value, string path, List<string> problems)
    {
        var hasProperties = schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object;
        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()).OfType<string>())
            {
                if (!value.TryGetProperty(name, out _))
                {
                    problems.Add($"{path}.{name}: required property is missing");
                }
            }
        }

        schema.TryGetProperty("additionalProperties", out var additional);
        foreach (var property in value.EnumerateObject())
        {
            var propertyPath = $"{path}.{property.Name}";
            if (hasProperties && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Check(root, propertySchema, property.Value, propertyPath, problems);
            }
            else if (additional.ValueKind == JsonValueKind.False)
            {
                problems.Add($"{propertyPath}: property is not allowed");
            }
            else if (additional.ValueKind == JsonValueKind.Object)
            {
                Check(root, additional, property.Value, propertyPath, problems);
            }
        }
    }

    private static void CheckArray(JsonElement root, JsonElement schema, JsonElement value, string path, List<string> problems)
    {
        var count = value.GetArrayLength();
        if (schema.TryGetProperty("minItems", out var min) && min.TryGetInt32(out var minItems) && count < minItems)
        {
            problems.Add($"{path}: at least {minItems} items expected, found {count}");
        }

        if (schema.TryGetProperty("maxItems", out var max) && max.TryGetInt32(out var maxItems) && count > maxItems)
        {
            problems.Add($"{path}: at most {maxItems} items expected, found {count}");
        }

        if (schema.TryGetProperty("items", out var items) && items.ValueKind is JsonValueKind.Object or JsonValueKind.False)
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(root, items, item, $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]", problems);
                index++;
            }
        }
    }

    private static void CheckCombinators(JsonElement root, JsonElement schema, JsonElement value, string path, List<string> problems)
    {
        if (schema.TryGetProperty("allOf", out var allOf) && allOf.ValueKind == JsonValueKind.Array)
        {
            foreach (var part in allOf.EnumerateArray())
            {
                Check(root, part, value, path, problems);
            }
        }

        if (schema.TryGetProperty("anyOf", out var anyOf) && anyOf.ValueKind == JsonValueKind.Array)
        {
            var branches = anyOf.EnumerateArray().Select(b => Validate(root, b, value, path)).ToList();
            if (branches.Count > 0 && branches.All(b => b.Count > 0))
            {
                problems.Add($"{path}: matches none of the allowed shapes ({branches.OrderBy(b => b.Count).First()[0]})");
            }
        }

        if (schema.TryGetProperty("oneOf", out var oneOf) && oneOf.ValueKind == JsonValueKind.Array)
        {
            var matching = oneOf.EnumerateArray().Count(b => Validate(root, b, value, path).Count == 0);
            if (matching != 1)
            {
                problems.Add($"{path}: must match exactly one of the allowed shapes (matches {matching})");
            }
        }
    }

    private static List<string> Validate(JsonElement root, JsonElement schema, JsonElement value, string path)
    {
        var problems = new List<string>();
        Check(root, schema, value, path, problems);
        return problems;
    }

    private static JsonElement Resolve(JsonElement root, string reference)
    {
        if (!reference.StartsWith('#'))
        {
            throw new NotSupportedException($"Only local schema references ('#/...') are supported; found '{reference}'.");
        }

        var current = root;
        foreach (var segment in reference[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(name, out var next))
            {
                current = next;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                throw new InvalidOperationException($"The schema reference '{reference}' points nowhere.");
            }
        }

        return current;
    }

    private static bool TypeMatches(JsonElement type, JsonElement value) => type.ValueKind switch
    {
        JsonValueKind.String => IsType(type.GetString(), value),
        JsonValueKind.Array => type.EnumerateArray().Any(t => IsType(t.GetString(), value)),
        _ => true,
    };

    private static bool IsType(string? type, JsonElement value) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && Math.Floor(number) == number,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => true,
    };

    private static string Describe(JsonElement type) => type.ValueKind == JsonValueKind.Array
        ? string.Join(" or ", type.EnumerateArray().Select(t => t.GetString()))
        : type.GetString() ?? "?";

    private static string KindName(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Show(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length <= 60 ? text : text[..57] + "...";
    }
}
