using System.Text.Json;
using Mge.Pipeline.Prompting;
using Mge.Pipeline.Tests.Runs;

namespace Mge.Pipeline.Tests.Prompting;

public sealed class JsonSchemaValidatorTests
{
    [Fact]
    public void The_discovery_schema_is_generated_from_the_record_with_its_snake_case_names_required_members_and_enums()
    {
        var schema = OutputSchemas.Discovery.Schema;

        Assert.Equal("object", schema.GetProperty("type").GetString());
        var properties = schema.GetProperty("properties");
        Assert.True(properties.TryGetProperty("bounded_contexts", out _));
        Assert.Contains("domain", schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        var attribute = properties.GetProperty("bounded_contexts").GetProperty("items").GetProperty("properties")
            .GetProperty("aggregates").GetProperty("items").GetProperty("properties")
            .GetProperty("entities").GetProperty("items").GetProperty("properties")
            .GetProperty("attributes").GetProperty("items");
        Assert.Contains("email", attribute.GetProperty("properties").GetProperty("type").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("discovery_document", OutputSchemas.Discovery.Name);
    }

    [Fact]
    public void The_sample_answers_conform()
    {
        Assert.Empty(Validate(OutputSchemas.Discovery, SampleAnswers.Discovery));
        Assert.Empty(Validate(OutputSchemas.MasterPlan, SampleAnswers.Plan));
    }

    [Fact]
    public void Missing_required_properties_wrong_types_and_values_outside_an_enum_are_reported_with_their_place()
    {
        const string answer = """
            { "project_name": "x", "project_type": "rails",
              "phases": [ { "name": "P", "milestones": [ { "name": "M", "tasks": [
                { "number": "one", "name": "T", "complexity": "extreme", "target_files": ["a.py", 3] },
                { "name": "U" } ] } ] } ] }
            """;

        var problems = Validate(OutputSchemas.MasterPlan, answer);

        Assert.Contains(problems, p => p.StartsWith("$.project_type: \"rails\" is not one of", StringComparison.Ordinal));
        Assert.Contains("$.phases[0].milestones[0].tasks[0].number: expected integer, found string", problems);
        Assert.Contains(problems, p => p.StartsWith("$.phases[0].milestones[0].tasks[0].complexity: \"extreme\" is not one of", StringComparison.Ordinal));
        Assert.Contains("$.phases[0].milestones[0].tasks[0].target_files[1]: expected string, found number", problems);
        Assert.Contains("$.phases[0].milestones[0].tasks[1].number: required property is missing", problems);
    }

    [Fact]
    public void Nullable_members_accept_null()
    {
        var answer = SampleAnswers.Discovery.Replace("\"project_type\":\"fastapi\"", "\"project_type\":null", StringComparison.Ordinal);
        Assert.Contains("\"project_type\":null", answer, StringComparison.Ordinal);

        Assert.Empty(Validate(OutputSchemas.Discovery, answer));
    }

    [Theory]
    [InlineData("""{"type":"integer"}""", "2.0", 0)]
    [InlineData("""{"type":"integer"}""", "2.5", 1)]
    [InlineData("""{"type":["string","null"]}""", "null", 0)]
    [InlineData("""{"type":"object","additionalProperties":false,"properties":{"a":{}}}""", """{"a":1,"b":2}""", 1)]
    [InlineData("""{"anyOf":[{"type":"string"},{"type":"integer"}]}""", "true", 1)]
    [InlineData("""{"oneOf":[{"type":"number"},{"type":"integer"}]}""", "3", 1)]
    [InlineData("""{"$defs":{"n":{"type":"integer"}},"type":"array","items":{"$ref":"#/$defs/n"},"minItems":2}""", "[1]", 1)]
    [InlineData("""{"$defs":{"n":{"type":"integer"}},"type":"array","items":{"$ref":"#/$defs/n"}}""", """[1,"x"]""", 1)]
    [InlineData("""{"const":"x"}""", "\"y\"", 1)]
    public void The_supported_keywords_constrain(string schema, string value, int expectedProblems)
    {
        using var schemaDocument = JsonDocument.Parse(schema);
        using var valueDocument = JsonDocument.Parse(value);

        Assert.Equal(expectedProblems, JsonSchemaValidator.Validate(schemaDocument.RootElement, valueDocument.RootElement).Count);
    }

    [Fact]
    public void The_parser_refuses_a_candidate_that_does_not_match_the_schema_and_says_why()
    {
        var ok = JsonResponseParser.TryParse<Domain.DiscoveryDocument>("""{"domain":"x","project_name":"y","bounded_contexts":[{"name":"C","aggregates":[{"name":"A"}]}]}""", out _, out var error, OutputSchemas.Discovery);

        Assert.False(ok);
        Assert.Contains("does not match the schema 'discovery_document'", error, StringComparison.Ordinal);
        Assert.Contains("$.bounded_contexts[0].aggregates[0].root: required property is missing", error, StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> Validate(JsonOutputSchema schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        return schema.Validate(document.RootElement);
    }
}
