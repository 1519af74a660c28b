using Mge.Pipeline.Domain;
using Mge.Pipeline.Prompting;

namespace Mge.Pipeline.Tests.Prompting;

public sealed class JsonResponseParserTests
{
    private const string Plan = """{"project_name":"p","project_type":"fastapi","phases":[{"name":"A","milestones":[{"name":"M","tasks":[{"number":1,"name":"T"}]}]}]}""";

    [Theory]
    [InlineData(Plan)]
    [InlineData("```json\n" + Plan + "\n```")]
    [InlineData("```\n" + Plan + "\n```\n")]
    [InlineData("Sure! Here is the plan {as requested}:\n\n" + Plan + "\n\nLet me know if you need changes.")]
    [InlineData("Here it is:\n```json\n" + Plan + "\n```\nThe plan has one task.")]
    public void Finds_the_object_bare_fenced_or_surrounded_by_prose(string answer)
    {
        Assert.True(JsonResponseParser.TryParse<MasterPlan>(answer, out var plan, out var error), error);
        Assert.Equal("T", plan.Tasks.Single().Name);
    }

    [Fact]
    public void Invalid_json_reports_the_line_and_column_in_the_answer()
    {
        const string answer = "Plan:\n{\n  \"project_name\": \"p\",\n  \"project_type\": fastapi\n}";

        Assert.False(JsonResponseParser.TryParse<MasterPlan>(answer, out _, out var error));
        Assert.Contains("invalid JSON at line 4", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_object_that_never_closes_is_reported_as_cut_off()
    {
        Assert.False(JsonResponseParser.TryParse<MasterPlan>("```json\n{\"project_name\": \"p\", \"phases\": [", out _, out var error));
        Assert.Contains("is not closed", error, StringComparison.Ordinal);
        Assert.Contains("line 2, column 1", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("I cannot help with that.")]
    public void No_object_at_all_is_an_error(string answer)
    {
        Assert.False(JsonResponseParser.TryParse<MasterPlan>(answer, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void A_missing_required_field_is_an_error_naming_the_problem()
    {
        Assert.False(JsonResponseParser.TryParse<MasterPlan>("""{"project_type":"fastapi"}""", out _, out var error));
        Assert.Contains("project_name", error, StringComparison.Ordinal);
    }
}
