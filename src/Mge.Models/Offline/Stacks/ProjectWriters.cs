using Mge.Pipeline.Domain;

namespace Mge.Models.Offline.Stacks;

/// <summary>The writer of each stack.</summary>
internal static class ProjectWriters
{
    private static readonly IProjectWriter FastApi = new FastApiProjectWriter();
    private static readonly IProjectWriter Django = new DjangoProjectWriter();
    private static readonly IProjectWriter Express = new ExpressProjectWriter();

    public static IProjectWriter For(ProjectType type) => type switch
    {
        ProjectType.FastApi => FastApi,
        ProjectType.Django => Django,
        ProjectType.Express => Express,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown project type."),
    };
}
