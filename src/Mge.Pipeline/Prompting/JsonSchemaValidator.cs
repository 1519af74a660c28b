using System.Globalization;
using System.Text.Json;
using Json.Pointer;
using Json.Schema;

namespace Mge.Pipeline.Prompting;

/// <summary>
/// Checks a JSON value against a JSON Schema with JsonSchema.Net and words the failures for the model: each
/// problem names the place in the answer ("$.phases[0].milestones[1].tasks[2].number") and what is wrong there
/// ("expected integer, found string", "required property is missing", "\"rails\" is not one of ..."), so it can be
/// fed back in the next attempt. Keywords without a wording of their own keep the library's message.
/// </summary>
public static class JsonSchemaValidator
{
    /// <summary>At most this many problems are reported; a model fixes the first few and the rest follow.</summary>
    public const int MaxProblems = 20;

    private static readonly EvaluationOptions Hierarchical = new() { OutputFormat = OutputFormat.Hierarchical };

    /// <summary>
    /// Builds a schema once for many validations. Each gets its own registry: the global one would keep every
    /// schema built (each under a random base URI) for the life of the process.
    /// </summary>
    public static JsonSchema Build(JsonElement schema) => JsonSchema.Build(schema, new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    public static IReadOnlyList<string> Validate(JsonElement schema, JsonElement value) => Validate(Build(schema), value);

    public static IReadOnlyList<string> Validate(JsonSchema schema, JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var results = schema.Evaluate(value, Hierarchical);
        var problems = new List<string>();
        var root = schema.Root.Source;
        Describe(results, root, root, value, problems);
        return problems.Count > MaxProblems ? problems.Take(MaxProblems).ToList() : problems;
    }

    /// <param name="node">A result of the evaluation.</param>
    /// <param name="subschema">The schema that result was evaluated against (null where it cannot be found: the library's wording is kept there).</param>
    private static void Describe(EvaluationResults node, JsonElement root, JsonElement? subschema, JsonElement instance, List<string> problems)
    {
        if (node.IsValid || problems.Count > MaxProblems)
        {
            return;
        }

        var place = Place(node.InstanceLocation, instance);
        var value = node.InstanceLocation.Evaluate(instance);
        if (node.Errors is { Count: > 0 } errors)
        {
            // A value of the wrong type says it all; its other keyword failures would only repeat it.
            var typeError = errors.ContainsKey("type");
            foreach (var (keyword, message) in errors)
            {
                if (!typeError || keyword == "type")
                {
                    problems.AddRange(Word(keyword, message, place, value, subschema, node.EvaluationPath));
                }
            }
        }

        if (node.Details is not { Count: > 0 } details)
        {
            return;
        }

        var branches = new Dictionary<string, List<(EvaluationResults Result, JsonElement? Schema)>>(StringComparer.Ordinal);
        foreach (var child in details)
        {
            var (keyword, childSchema) = Step(node.EvaluationPath, child.EvaluationPath, root, subschema);
            if (keyword is "anyOf" or "oneOf")
            {
                (branches.TryGetValue(keyword, out var list) ? list : branches[keyword] = []).Add((child, childSchema));
            }
            else
            {
                Describe(child, root, childSchema, instance, problems);
            }
        }

        if (branches.TryGetValue("oneOf", out var oneOf) && oneOf.Count(b => b.Result.IsValid) is var matching and not 1)
        {
            problems.Add($"{place}: must match exactly one of the allowed shapes (matches {matching})");
        }

        if (branches.TryGetValue("anyOf", out var anyOf) && anyOf.All(b => !b.Result.IsValid))
        {
            var closest = anyOf
                .Select(b => Problems(b.Result, root, b.Schema, instance))
                .Where(p => p.Count > 0)
                .OrderBy(p => p.Count)
                .FirstOrDefault();
            problems.Add($"{place}: matches none of the allowed shapes{(closest is null ? string.Empty : $" ({closest[0]})")}");
        }
    }

    /// <summary>
    /// The keyword that led from a result to its child, and the child's subschema. Only the keyword (and the name or
    /// index after it) is read from the evaluation path: JsonSchema.Net 8.0.5 repeats the <c>items</c> segment there
    /// and reports a wrong schema location under <c>items</c>, so neither can be followed as it stands.
    /// </summary>
    private static (string? Keyword, JsonElement? Schema) Step(JsonPointer parentPath, JsonPointer childPath, JsonElement root, JsonElement? parent)
    {
        var at = parentPath.SegmentCount;
        if (childPath.SegmentCount <= at)
        {
            return (null, null);
        }

        var keyword = childPath[at].ToString();
        var next = childPath.SegmentCount > at + 1 ? childPath[at + 1].ToString() : null;
        if (parent is not { ValueKind: JsonValueKind.Object } schema || !schema.TryGetProperty(keyword, out var value))
        {
            return (keyword, null);
        }

        JsonElement? child = keyword switch
        {
            "$ref" => value.GetString() is { } reference && reference.StartsWith('#') ? Resolve(root, reference) : null,
            _ when value.ValueKind == JsonValueKind.Array => int.TryParse(next, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < value.GetArrayLength() ? value[index] : null,
            "properties" or "patternProperties" or "dependentSchemas" => next is not null && value.TryGetProperty(next, out var named) ? named : null,
            _ => value,
        };
        return (keyword, child);
    }

    private static List<string> Problems(EvaluationResults node, JsonElement root, JsonElement? subschema, JsonElement instance)
    {
        var problems = new List<string>();
        Describe(node, root, subschema, instance, problems);
        return problems;
    }

    private static IEnumerable<string> Word(string keyword, string message, string place, JsonElement? value, JsonElement? subschema, JsonPointer evaluationPath)
    {
        var keywordValue = subschema is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty(keyword, out var k) ? k : (JsonElement?)null;
        switch (keyword)
        {
            case "type" when keywordValue is { } type:
                yield return $"{place}: expected {DescribeType(type)}, found {KindName(value)}";
                break;
            case "required" when keywordValue is { ValueKind: JsonValueKind.Array } required && value is { ValueKind: JsonValueKind.Object } present:
                foreach (var name in required.EnumerateArray().Select(r => r.GetString()).OfType<string>().Where(n => !present.TryGetProperty(n, out _)))
                {
                    yield return $"{place}.{name}: required property is missing";
                }

                break;
            case "enum" when keywordValue is { ValueKind: JsonValueKind.Array } allowed && value is { } actual:
                yield return $"{place}: {Show(actual)} is not one of {string.Join(", ", allowed.EnumerateArray().Select(Show))}";
                break;
            case "const" when keywordValue is { } constant:
                yield return $"{place}: must be {Show(constant)}";
                break;
            case "minItems" when keywordValue is { } min && value is { ValueKind: JsonValueKind.Array } items:
                yield return $"{place}: at least {min.GetRawText()} items expected, found {items.GetArrayLength().ToString(CultureInfo.InvariantCulture)}";
                break;
            case "maxItems" when keywordValue is { } max && value is { ValueKind: JsonValueKind.Array } items:
                yield return $"{place}: at most {max.GetRawText()} items expected, found {items.GetArrayLength().ToString(CultureInfo.InvariantCulture)}";
                break;
            case "":
                // The false schema: under additionalProperties it is a property the schema does not declare.
                yield return evaluationPath.SegmentCount > 0 && evaluationPath[evaluationPath.SegmentCount - 1] == "additionalProperties"
                    ? $"{place}: property is not allowed"
                    : $"{place}: no value is allowed here";
                break;
            default:
                yield return $"{place}: {message}";
                break;
        }
    }

    private static JsonElement? Resolve(JsonElement root, string reference) =>
        JsonPointer.TryParse(Uri.UnescapeDataString(reference[1..]), out var pointer) ? pointer.Evaluate(root) : null;

    /// <summary>"$.phases[0].name": the pointer's segments, as indexes where they step into an array.</summary>
    private static string Place(JsonPointer location, JsonElement instance)
    {
        var place = new System.Text.StringBuilder("$");
        JsonElement? current = instance;
        for (var i = 0; i < location.SegmentCount; i++)
        {
            var segment = location[i].ToString();
            if (current is { ValueKind: JsonValueKind.Array } array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                place.Append('[').Append(segment).Append(']');
                current = index < array.GetArrayLength() ? array[index] : null;
            }
            else
            {
                place.Append('.').Append(segment);
                current = current is { ValueKind: JsonValueKind.Object } item && item.TryGetProperty(segment, out var next) ? next : null;
            }
        }

        return place.ToString();
    }

    private static string DescribeType(JsonElement type) => type.ValueKind == JsonValueKind.Array
        ? string.Join(" or ", type.EnumerateArray().Select(t => t.GetString()))
        : type.GetString() ?? "?";

    private static string KindName(JsonElement? value) => value?.ValueKind switch
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
