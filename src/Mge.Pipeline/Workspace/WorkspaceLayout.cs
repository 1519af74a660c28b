using Mge.CodeIntelligence.Paths;
using Mge.Pipeline.Atomization;
using Mge.Pipeline.Storage;

namespace Mge.Pipeline.Workspace;

/// <summary>
/// Which of the run's code files are written where, and which paths were confined or refused on the way.
/// Each task file's path was resolved and normalised when it was stored; here it is checked once more with
/// <see cref="WorkspacePath.TryNormalize"/>, because nothing reaches the workspace without passing it.
/// Computed from the task records alone, so file writing and delivery report the same lists.
/// </summary>
public sealed record WorkspaceLayout(
    CodeFileIndex Index,
    IReadOnlyList<WorkspaceLayout.Entry> Files,
    IReadOnlyList<string> PathsConfined,
    IReadOnlyList<string> PathsRejected)
{
    /// <summary>A code file to write: the stored path, its checked workspace path, the task that owns it and its blob.</summary>
    public sealed record Entry(string StoredPath, string WorkspacePath, int FileOrdinal, int TaskNumber, string Blob);

    public static WorkspaceLayout Build(IReadOnlyList<TaskRecord> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var index = CodeFileIndex.Build(tasks);
        var records = tasks.SelectMany(t => t.Files.Select(f => (Task: t.Number, File: f)))
            .Where(x => index.IsOwner(x.File.Path, x.Task))
            .ToDictionary(x => x.File.Path, StringComparer.Ordinal);

        var files = new List<Entry>();
        var confined = new List<string>();
        var rejected = new List<string>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (var ordinal = 0; ordinal < index.Paths.Count; ordinal++)
        {
            var path = index.Paths[ordinal];
            var (task, record) = records[path];
            if (record.Note is { Length: > 0 } note)
            {
                confined.Add($"{path}: {note}");
            }

            if (!WorkspacePath.TryNormalize(path, out var normalized, out var problem))
            {
                rejected.Add($"{path} (task {task}): {problem}");
                continue;
            }

            if (!string.Equals(normalized, path, StringComparison.Ordinal))
            {
                confined.Add($"{path}: written as {normalized}");
            }

            if (!taken.Add(normalized))
            {
                rejected.Add($"{path} (task {task}): another file is already written as {normalized}");
                continue;
            }

            files.Add(new Entry(path, normalized, ordinal, task, record.Blob));
        }

        return new WorkspaceLayout(index, files, confined, rejected);
    }
}
