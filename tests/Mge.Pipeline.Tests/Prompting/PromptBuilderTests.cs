using System.Text.Json;
using Microsoft.Extensions.AI;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Prompting;
using Mge.Pipeline.Tests.Runs;

namespace Mge.Pipeline.Tests.Prompting;

public sealed class PromptBuilderTests
{
    private static readonly ProjectPrompt Project = new(
        SampleAnswers.Request,
        ProjectType.FastApi,
        JsonSerializer.Deserialize<DiscoveryDocument>(SampleAnswers.Discovery)!,
        [new PlanTaskBrief(1, "Models", ["app/models/user.py"]), new PlanTaskBrief(2, "Routes", ["app/routers/tasks.py"])]);

    [Fact]
    public void Code_prompts_share_an_identical_prefix_and_put_the_task_last()
    {
        var builder = new PromptBuilder();
        var signatures = new[] { new FileSignatures("app/models/user.py", ["class User(Base):"]) };

        var first = builder.Code(Project, new PlanTask { Number = 1, Name = "Models", TargetFiles = ["app/models/user.py"] }, []);
        var second = builder.Code(Project, new PlanTask { Number = 2, Name = "Routes", DependsOn = [1] }, signatures);

        Assert.Equal(3, first.Count);
        Assert.Equal(ChatRole.System, first[0].Role);
        Assert.Equal(first[0].Text, second[0].Text);
        Assert.Equal(first[1].Text, second[1].Text);
        Assert.Contains("```json mge-context", first[1].Text, StringComparison.Ordinal);
        Assert.Contains("\"role\":\"code\"", first[1].Text, StringComparison.Ordinal);
        Assert.Contains("\"discovery\":", first[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"task\":", first[1].Text, StringComparison.Ordinal);
        Assert.Contains("\"task\":{\"number\":2", second[2].Text, StringComparison.Ordinal);
        Assert.Contains("\"dependency_signatures\":[{\"path\":\"app/models/user.py\",\"signatures\":[\"class User(Base):\"]}]", second[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Repair_prompts_carry_the_failed_file_errors_of_every_file_and_the_attempt()
    {
        var failed = new[]
        {
            new FailedFile("app/a.py", "x = (", ["1:5 syntax: '(' was never closed"]),
            new FailedFile("app/b.py", "import nope", ["1:1 import-unresolved: No module named 'nope'"]),
        };

        var messages = new PromptBuilder().Repair(Project, new PlanTask { Number = 3, Name = "T" }, failed, [], attempt: 2);

        var last = messages[^1].Text;
        Assert.Contains("\"role\":\"repair\"", messages[1].Text, StringComparison.Ordinal);
        Assert.Contains("\"failed_path\":\"app/a.py\"", last, StringComparison.Ordinal);
        Assert.Contains("\"failed_code\":\"x = (\"", last, StringComparison.Ordinal);
        Assert.Contains("app/b.py:1:1 import-unresolved", last, StringComparison.Ordinal);
        Assert.Contains("\"attempt\":2", last, StringComparison.Ordinal);
        Assert.Contains("Also failing, app/b.py", last, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_retries_feed_the_previous_problem_back()
    {
        var messages = new PromptBuilder().Discovery("Build a blog with posts", null, attempt: 2, previousError: "invalid JSON at line 1, column 9");

        Assert.Contains("invalid JSON at line 1, column 9", messages[^1].Text, StringComparison.Ordinal);
        Assert.Contains("\"attempt\":2", messages[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Atom_repair_sets_the_atom_scope()
    {
        var messages = new PromptBuilder().AtomRepair(ProjectType.FastApi, "app/a.py", "User.save", "def save(self):\n    retun 1\n", ["2:5 syntax"], ["class User:"], 1);

        Assert.Contains("\"atom_scope\":\"User.save\"", messages[^1].Text, StringComparison.Ordinal);
        Assert.Contains("\"dependency_code\":[\"class User:\"]", messages[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_prompt_carries_the_versions_of_the_templates_it_was_rendered_from()
    {
        var builder = new PromptBuilder();

        Assert.Equal("discovery@3", builder.Discovery("Build a blog with posts", null).Version);
        Assert.Equal("discovery@3", builder.Discovery("Build a blog with posts", null, 2, "bad").Version);
        Assert.Equal("planning@2+stack@1", builder.MasterPlan(SampleAnswers.Request, ProjectType.FastApi, Project.Discovery).Version);
        Assert.Equal("code@1+project@2+stack@1", builder.Code(Project, new PlanTask { Number = 1, Name = "M" }, []).Version);
        Assert.Equal("repair@1+project@2+stack@1", builder.Repair(Project, new PlanTask { Number = 1, Name = "M" }, [new FailedFile("a.py", "x", ["e"])], [], 2).Version);
        Assert.Equal("atom-repair@1", builder.AtomRepair(ProjectType.FastApi, "a.py", "f", "x", ["e"], [], 1).Version);
        Assert.Equal("chat@2", builder.Chat("hello").Version);
    }

    [Theory]
    [InlineData("fastapi", "app/database.py")]
    [InlineData("django", "config/settings.py")]
    [InlineData("express", "src/app.js")]
    public void The_shared_prefix_carries_the_project_types_conventions_before_the_context(string type, string layoutFile)
    {
        var messages = new PromptBuilder().Code(Project with { ProjectType = new ProjectType(type) }, new PlanTask { Number = 1, Name = "M" }, []);

        var shared = messages[1].Text;
        Assert.Contains(layoutFile, shared, StringComparison.Ordinal);
        Assert.True(shared.IndexOf(layoutFile, StringComparison.Ordinal) < shared.IndexOf("```json mge-context", StringComparison.Ordinal));
        Assert.DoesNotContain("{{", shared, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_failing_file_beyond_the_first_is_shown_in_the_repair_instructions()
    {
        var failed = new[]
        {
            new FailedFile("app/a.py", "x = (", ["1:5 syntax"]),
            new FailedFile("app/b.py", "import nope", ["1:1 import"]),
            new FailedFile("app/c.py", "y = ]", ["1:5 syntax"]),
        };

        var last = new PromptBuilder().Repair(Project, new PlanTask { Number = 3, Name = "T" }, failed, [], attempt: 2)[^1].Text;

        Assert.Contains("Also failing, app/b.py:\n```\nimport nope\n```", last, StringComparison.Ordinal);
        Assert.Contains("Also failing, app/c.py:", last, StringComparison.Ordinal);
        Assert.DoesNotContain("Also failing, app/a.py", last, StringComparison.Ordinal);
    }
}
