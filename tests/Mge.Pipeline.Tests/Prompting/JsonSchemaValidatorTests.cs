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

    [Theory]
    [InlineData("""{"type":"integer"}""", "2.5", "$: expected integer, found number")]
    [InlineData("""{"type":"object","additionalProperties":false,"properties":{"a":{}}}""", """{"a":1,"b":2}""", "$.b: property is not allowed")]
    [InlineData("""{"anyOf":[{"type":"string"},{"type":"integer"}]}""", "true", "$: matches none of the allowed shapes ($: expected string, found boolean)")]
    [InlineData("""{"oneOf":[{"type":"number"},{"type":"integer"}]}""", "3", "$: must match exactly one of the allowed shapes (matches 2)")]
    [InlineData("""{"type":"array","minItems":2}""", "[1]", "$: at least 2 items expected, found 1")]
    [InlineData("""{"type":"array","maxItems":1}""", "[1,2]", "$: at most 1 items expected, found 2")]
    [InlineData("""{"$defs":{"n":{"type":"integer"}},"type":"array","items":{"$ref":"#/$defs/n"}}""", """[1,"x"]""", "$[1]: expected integer, found string")]
    [InlineData("""{"const":"x"}""", "\"y\"", "$: must be \"x\"")]
    [InlineData("""{"properties":{"p":{"items":{"items":{"enum":["a"]}}}}}""", """{"p":[["a"],["a","b"]]}""", "$.p[1][1]: \"b\" is not one of \"a\"")]
    [InlineData("""{"properties":{"p":{"type":"array","items":{"type":"object","required":["n"],"properties":{"m":{"type":["string","null"]}}}}}}""", """{"p":[{"n":1},{"m":2}]}""", "$.p[1].n: required property is missing; $.p[1].m: expected string or null, found number")]
    [InlineData("""{"allOf":[{"required":["a"]},{"properties":{"b":{"type":"string"}}}]}""", """{"b":1}""", "$.a: required property is missing; $.b: expected string, found number")]
    public void Each_problem_names_its_place_and_what_is_wrong_there(string schema, string value, string expected)
    {
        using var schemaDocument = JsonDocument.Parse(schema);
        using var valueDocument = JsonDocument.Parse(value);

        Assert.Equal(expected, string.Join("; ", JsonSchemaValidator.Validate(schemaDocument.RootElement, valueDocument.RootElement)));
    }

    [Fact]
    public void Keywords_without_a_wording_of_their_own_keep_the_library_message_at_their_place()
    {
        using var schema = JsonDocument.Parse("""{"properties":{"code":{"type":"string","pattern":"^[a-z]+$"}}}""");
        using var value = JsonDocument.Parse("""{"code":"A1"}""");

        var problem = Assert.Single(JsonSchemaValidator.Validate(schema.RootElement, value.RootElement));

        Assert.StartsWith("$.code: ", problem, StringComparison.Ordinal);
        Assert.Contains("regular expression", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void At_most_max_problems_are_reported()
    {
        var names = Enumerable.Range(0, JsonSchemaValidator.MaxProblems + 10).Select(i => $"\"p{i}\"");
        using var schema = JsonDocument.Parse($$"""{"type":"object","required":[{{string.Join(",", names)}}]}""");
        using var value = JsonDocument.Parse("{}");

        var problems = JsonSchemaValidator.Validate(schema.RootElement, value.RootElement);

        Assert.Equal(JsonSchemaValidator.MaxProblems, problems.Count);
        Assert.Equal("$.p0: required property is missing", problems[0]);
    }

    [Fact]
    public async Task A_schema_built_once_validates_from_many_threads_at_once()
    {
        var wrong = SampleAnswers.Plan.Replace("\"complexity\":\"low\"", "\"complexity\":\"trivial\"", StringComparison.Ordinal);
        Assert.NotEqual(SampleAnswers.Plan, wrong);
        var expected = Validate(OutputSchemas.MasterPlan, wrong);
        Assert.NotEmpty(expected);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => Validate(OutputSchemas.MasterPlan, i % 2 == 0 ? wrong : SampleAnswers.Plan))));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(i % 2 == 0 ? expected : [], results[i]);
        }
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
