using Mge.Models.Offline.Blueprint;
using Mge.Pipeline.Domain;

namespace Mge.Models.Offline.Stacks;

/// <summary>Plans and writes the files of one stack's layout (see the stack conventions in the team brief).</summary>
internal interface IProjectWriter
{
    ProjectType ProjectType { get; }

    /// <summary>The stack's tasks for this blueprint, dependencies before dependents.</summary>
    IReadOnlyList<PlannedTask> Plan(ProjectBlueprint blueprint);

    /// <summary>The content of <paramref name="path"/>, or null when the path is not part of this stack's layout for the blueprint.</summary>
    string? Write(ProjectBlueprint blueprint, string path);
}
