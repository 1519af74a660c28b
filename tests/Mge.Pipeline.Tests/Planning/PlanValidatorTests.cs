using Mge.Pipeline.Domain;
using Mge.Pipeline.Infrastructure;
using Mge.Pipeline.Planning;

namespace Mge.Pipeline.Tests.Planning;

/// <summary>The plan check against the shipped stack definitions.</summary>
public sealed class PlanValidatorTests
{
    private static MasterPlan Plan(string type, params (int Number, string[] Files, int[] DependsOn)[] tasks) => new()
    {
        ProjectName = "p",
        ProjectType = type,
        Phases = [new PlanPhase { Name = "A", Milestones = [new PlanMilestone { Name = "M", Tasks = tasks.Select(t => new PlanTask { Number = t.Number, Name = $"t{t.Number}", TargetFiles = t.Files, DependsOn = t.DependsOn }).ToList() }] }],
    };

    [Fact]
    public void Files_the_infrastructure_phase_owns_are_dropped_and_a_task_writing_only_them_goes()
    {
        var plan = Plan("express",
            (1, ["package.json", "Dockerfile"], []),
            (2, ["src/app.js", "src/server.js", ".env.example", "README.md"], [1]),
            (3, ["test/users.test.js"], [1, 2]));

        var check = PlanValidator.Check(plan, ProjectStacks.For(ProjectType.Express));

        Assert.Null(check.Problem);
        Assert.Equal([2, 3], check.Plan!.Tasks.Select(t => t.Number));
        Assert.Equal(["src/app.js", "src/server.js", "README.md"], check.Plan.Tasks.First().TargetFiles);
        Assert.Equal([2], check.Plan.Tasks.Last().DependsOn);
        Assert.Contains(check.Notes, n => n.StartsWith("task 1: dropped (it only writes package.json, Dockerfile", StringComparison.Ordinal));
        Assert.Contains(check.Notes, n => n == "task 2: dropped target file '.env.example' (the infrastructure phase writes it from the stack definition)");
    }

    [Theory]
    [InlineData("fastapi", "app/main.py")]
    [InlineData("express", "src/server.js")]
    [InlineData("django", "config/wsgi.py")]
    public void A_plan_without_the_entry_point_is_fed_back(string type, string entryPoint)
    {
        var stack = ProjectStacks.For(new ProjectType(type));
        var others = stack.Layout.RequiredFiles.Where(f => f != entryPoint).ToArray();

        var check = PlanValidator.Check(Plan(type, (1, others, []), (2, [stack.Layout.Tests.For("user", "users")], [1])), stack);

        Assert.Null(check.Plan);
        Assert.StartsWith($"no task writes {entryPoint} (", check.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Django_needs_manage_py_and_its_settings_and_a_plan_without_tests_gets_a_note()
    {
        var stack = ProjectStacks.For(ProjectType.Django);
        var problem = PlanValidator.Check(Plan("django", (1, ["config/wsgi.py", "config/urls.py"], [])), stack).Problem;
        Assert.Contains("manage.py (", problem, StringComparison.Ordinal);
        Assert.Contains("config/settings.py (", problem, StringComparison.Ordinal);

        var untested = PlanValidator.Check(Plan("django", (1, [.. stack.Layout.RequiredFiles], [])), stack);
        Assert.Null(untested.Problem);
        Assert.Contains(untested.Notes, n => n.Contains("no task writes a test file (api/tests.py)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_plan_of_infrastructure_only_is_fed_back()
    {
        var check = PlanValidator.Check(Plan("fastapi", (1, ["requirements.txt"], [])), ProjectStacks.For(ProjectType.FastApi));

        Assert.Null(check.Plan);
        Assert.StartsWith("the plan has only infrastructure tasks", check.Problem, StringComparison.Ordinal);
    }
}
