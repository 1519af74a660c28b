using Mge.Models.Offline.Blueprint;
using Mge.Pipeline.Infrastructure;

namespace Mge.Models.Offline.Stacks;

/// <summary>
/// Plans and writes the files of one stack's layout. What the stack definition states (file paths, routes,
/// environment variables, ports) the writer reads from <see cref="Stack"/>; the code itself is the writer's.
/// </summary>
internal interface IProjectWriter
{
    /// <summary>The definition this writer follows.</summary>
    ProjectStack Stack { get; }

    /// <summary>The stack's tasks for this blueprint, dependencies before dependents.</summary>
    IReadOnlyList<PlannedTask> Plan(ProjectBlueprint blueprint);

    /// <summary>The content of <paramref name="path"/>, or null when the path is not part of this stack's layout for the blueprint.</summary>
    string? Write(ProjectBlueprint blueprint, string path);
}
