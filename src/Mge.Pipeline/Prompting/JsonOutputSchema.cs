using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;

namespace Mge.Pipeline.Prompting;

/// <summary>
/// The JSON schema of a structured answer, generated from a C# record with
/// <see cref="AIJsonUtilities.CreateJsonSchema"/> (snake_case names from the records' attributes, required
/// members required, nullable members nullable), plus the closed value sets the prompts document (enums). It is
/// sent as <see cref="ChatResponseFormat.ForJsonSchema(JsonElement, string?, string?)"/> and every answer is
/// checked against it (JsonSchema.Net, through <see cref="JsonSchemaValidator"/>) before it is deserialised.
/// </summary>
public sealed class JsonOutputSchema
{
    /// <summary>The serializer shape the schema describes: the records' own names, enums as snake_case strings, numbers as numbers.</summary>
    internal static readonly JsonSerializerOptions SchemaSerializerOptions = CreateSerializerOptions();

    private readonly Json.Schema.JsonSchema _validator;

    private JsonOutputSchema(string name, string description, JsonElement schema)
    {
        Name = name;
        Description = description;
        Schema = schema;
        ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, name, description);
        _validator = JsonSchemaValidator.Build(schema);
    }

    /// <summary>The schema's name as providers want it ("discovery_document": letters, digits, '_' and '-').</summary>
    public string Name { get; }

    public string Description { get; }

    public JsonElement Schema { get; }

    /// <summary>What to put in <see cref="ChatOptions.ResponseFormat"/>.</summary>
    public ChatResponseFormat ResponseFormat { get; }

    /// <summary>
    /// The schema of <typeparamref name="T"/>; <paramref name="enums"/> maps (declaring type, JSON property name) to
    /// the values that property may take (null stays allowed where the property is nullable).
    /// </summary>
    public static JsonOutputSchema For<T>(string name, string description, IReadOnlyDictionary<(Type Declaring, string Property), IReadOnlyList<string>>? enums = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var createOptions = new AIJsonSchemaCreateOptions
        {
            TransformSchemaNode = (context, node) => AddEnum(context, node, enums),
        };
        var schema = AIJsonUtilities.CreateJsonSchema(typeof(T), description, serializerOptions: SchemaSerializerOptions, inferenceOptions: createOptions);
        return new JsonOutputSchema(name, description, schema);
    }

    /// <summary>The problems of a value against this schema ("$.bounded_contexts[0].name: required property is missing"); empty when it conforms.</summary>
    public IReadOnlyList<string> Validate(JsonElement value) => JsonSchemaValidator.Validate(_validator, value);

    private static JsonNode AddEnum(AIJsonSchemaCreateContext context, JsonNode node, IReadOnlyDictionary<(Type, string), IReadOnlyList<string>>? enums)
    {
        if (enums is null || context.PropertyInfo is not { } property || context.DeclaringType is not { } declaring ||
            !enums.TryGetValue((declaring, property.Name), out var values) || node is not JsonObject schema)
        {
            return node;
        }

        var allowed = new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        if (schema["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() == "null"))
        {
            allowed.Add(null);
        }

        schema["enum"] = allowed;
        return schema;
    }

    private static JsonSerializerOptions CreateSerializerOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
