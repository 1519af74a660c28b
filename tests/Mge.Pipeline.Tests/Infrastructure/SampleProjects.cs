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

    /// <summary>A few files of the stack's layout: its entry point, its app and the user's model and tests.</summary>
    public static IReadOnlyList<string> Files(ProjectType type)
    {
        var layout = Mge.Pipeline.Infrastructure.ProjectStacks.For(type).Layout;
        return new[] { layout.EntryPoint.Path, layout.App.Path, layout.Models.For("user", "users"), layout.Tests.For("user", "users") }.Distinct().ToList();
    }
}
