using Mge.Pipeline.Domain;

namespace Mge.Pipeline.Tests.Infrastructure;

/// <summary>Discovery and plan documents for a small task-management API, shared by the infrastructure tests.</summary>
internal static class SampleProjects
{
    public static DiscoveryDocument Discovery(string projectType) => new()
    {
        Domain = "Task management",
        ProjectName = "Task Tracker API",
        ProjectType = projectType,
        Summary = "A REST API to manage users, their tasks and comments on \"tasks\".",
        BoundedContexts =
        [
            new BoundedContext
            {
                Name = "Work",
                Aggregates =
                [
                    new Aggregate
                    {
                        Name = "UserAggregate",
                        Root = "User",
                        Entities =
                        [
                            new DomainEntity
                            {
                                Name = "User",
                                Description = "Someone who owns tasks.",
                                Attributes = [new EntityAttribute { Name = "email", Type = "email", Unique = true }, new EntityAttribute { Name = "name", Type = "string" }],
                            },
                        ],
                    },
                    new Aggregate
                    {
                        Name = "TaskAggregate",
                        Root = "Task",
                        Entities =
                        [
                            new DomainEntity
                            {
                                Name = "Task",
                                Attributes = [new EntityAttribute { Name = "title", Type = "string" }, new EntityAttribute { Name = "due_date", Type = "date", Required = false }],
                                Relations = [new EntityRelation { Kind = "belongs_to", Target = "User", Field = "owner" }],
                            },
                            new DomainEntity
                            {
                                Name = "TaskComment",
                                Attributes = [new EntityAttribute { Name = "body", Type = "text" }],
                            },
                        ],
                    },
                ],
            },
        ],
    };

    public static MasterPlan Plan(string projectType) => new()
    {
        ProjectName = "Task Tracker API",
        Description = "Plan for the task tracker.",
        ProjectType = projectType,
        Phases = [],
    };

    public static IReadOnlyList<string> Files(ProjectType type) => type switch
    {
        ProjectType.FastApi => ["app/__init__.py", "app/main.py", "app/models/user.py", "tests/test_users.py"],
        ProjectType.Django => ["manage.py", "config/settings.py", "api/models.py", "api/views.py"],
        _ => ["src/app.js", "src/server.js", "src/routes/users.js", "test/users.test.js"],
    };
}
