using Mge.Pipeline.Domain;

namespace Mge.Models.Offline.Stacks;

/// <summary>The offline model's writer of each stack definition, found by the stack's name.</summary>
internal static class ProjectWriters
{
    /// <summary>Every writer; each names the stack definition it writes projects for.</summary>
    public static IReadOnlyList<IProjectWriter> All { get; } = [new FastApiProjectWriter(), new DjangoProjectWriter(), new ExpressProjectWriter()];

    public static IProjectWriter For(ProjectType type) =>
        All.FirstOrDefault(w => w.Stack.Type == type)
            ?? throw new ArgumentOutOfRangeException(nameof(type), type.Name, $"The offline model has no writer for the stack '{type.Name}' (it writes {string.Join(", ", All.Select(w => w.Stack.Name))}).");
}
