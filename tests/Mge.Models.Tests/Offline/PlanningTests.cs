using Mge.Models.Offline;
using Mge.Pipeline.Domain;

namespace Mge.Models.Tests.Offline;

public sealed class PlanningTests
{
    private const string Request = "Create a REST API for task management with users, tasks, and comments";

    private static async Task<MasterPlan> PlanAsync(ProjectType type)
    {
        using var client = new OfflineChatClient();
        var discovery = OfflinePrompts.ReadJson<DiscoveryDocument>((await client.GetResponseAsync(OfflinePrompts.Discovery(Request, type))).Text);
        return OfflinePrompts.ReadJson<MasterPlan>((await client.GetResponseAsync(OfflinePrompts.Planning(Request, type, discovery))).Text);
    }

    [Theory]
    [InlineData("fastapi")]
    [InlineData("django")]
    [InlineData("express")]
    public async Task Plan_numbers_tasks_in_order_and_depends_only_on_earlier_tasks(string type)
    {
        var plan = await PlanAsync(new ProjectType(type));
        var tasks = plan.Tasks.ToList();

        Assert.Equal(Enumerable.Range(1, tasks.Count), tasks.Select(t => t.Number));
        Assert.All(tasks, t => Assert.All(t.DependsOn, d => Assert.InRange(d, 1, t.Number - 1)));
        Assert.All(tasks, t => Assert.NotEmpty(t.TargetFiles));
        Assert.All(tasks, t => Assert.Contains(t.Complexity, new[] { "low", "medium", "high" }));
        var files = tasks.SelectMany(t => t.TargetFiles).ToList();
        Assert.Equal(files.Count, files.Distinct().Count());
        Assert.Equal(["Foundation", "Domain model", "API", "Quality"], plan.Phases.Select(p => p.Name));
    }

    [Fact]
    public async Task FastApi_plan_follows_the_stack_layout_and_import_dependencies()
    {
        var plan = await PlanAsync(ProjectType.FastApi);
        var tasks = plan.Tasks.ToList();
        PlanTask Writing(string path) => Assert.Single(tasks, t => t.TargetFiles.Contains(path));

        Assert.Equal("fastapi", plan.ProjectType);
        foreach (var path in new[]
        {
            "app/__init__.py", "app/database.py", "app/models/__init__.py", "app/models/user.py", "app/models/task.py", "app/models/comment.py",
            "app/schemas/__init__.py", "app/schemas/task.py", "app/crud/__init__.py", "app/crud/task.py", "app/routers/__init__.py",
            "app/routers/tasks.py", "app/main.py", "tests/__init__.py", "tests/conftest.py", "tests/test_tasks.py",
        })
        {
            Writing(path);
        }

        var database = Writing("app/database.py").Number;
        Assert.Contains(database, Writing("app/models/task.py").DependsOn);
        Assert.Empty(Writing("app/schemas/task.py").DependsOn);
        Assert.Equal(
            new[] { Writing("app/models/task.py").Number, Writing("app/schemas/task.py").Number }.Order(),
            Writing("app/crud/task.py").DependsOn);
        var router = Writing("app/routers/comments.py").DependsOn;
        Assert.Contains(Writing("app/crud/comment.py").Number, router);
        Assert.Contains(Writing("app/crud/task.py").Number, router);
        Assert.Contains(Writing("app/crud/user.py").Number, router);
        Assert.Contains(database, router);
        Assert.Contains(Writing("app/routers/users.py").Number, Writing("app/main.py").DependsOn);
        Assert.Contains(Writing("app/main.py").Number, Writing("tests/conftest.py").DependsOn);
    }

    [Fact]
    public async Task Express_and_Django_plans_write_the_stack_files()
    {
        var express = (await PlanAsync(ProjectType.Express)).Tasks.SelectMany(t => t.TargetFiles).ToHashSet();
        Assert.Superset(new HashSet<string> { "src/app.js", "src/server.js", "src/store.js", "src/models/task.js", "src/routes/tasks.js", "test/tasks.test.js" }, express);

        var django = (await PlanAsync(ProjectType.Django)).Tasks.SelectMany(t => t.TargetFiles).ToHashSet();
        Assert.Superset(new HashSet<string>
        {
            "manage.py", "config/__init__.py", "config/settings.py", "config/urls.py", "config/wsgi.py", "config/asgi.py", "api/__init__.py",
            "api/apps.py", "api/models.py", "api/views.py", "api/urls.py", "api/admin.py", "api/tests.py",
        }, django);
    }
}
