namespace Mge.Models.Offline.Stacks;

/// <summary>
/// One task of a stack's plan before numbering: <see cref="Key"/> identifies it for <see cref="DependsOn"/>
/// (keys of tasks listed earlier), <see cref="Files"/> are the workspace paths it writes.
/// </summary>
internal sealed record PlannedTask(
    string Key,
    string Phase,
    string Milestone,
    string Name,
    string Description,
    string Complexity,
    IReadOnlyList<string> Files,
    IReadOnlyList<string> DependsOn);
