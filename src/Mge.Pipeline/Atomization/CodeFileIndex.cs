using Mge.Pipeline.Storage;

namespace Mge.Pipeline.Atomization;

/// <summary>
/// The run's code files as the later phases see them: every path any task produced, sorted ordinally, its
/// position being the file ordinal of the atom row keys ("0003-00012"). When two tasks wrote the same path
/// the higher-numbered task owns it (it was planned later, normally on top of the earlier one); the earlier
/// version is superseded and neither atomized nor written.
/// </summary>
public sealed class CodeFileIndex
{
    private readonly Dictionary<string, int> _ordinals;
    private readonly Dictionary<string, int> _owners;

    private CodeFileIndex(IReadOnlyList<string> paths, Dictionary<string, int> owners, IReadOnlyList<string> superseded)
    {
        Paths = paths;
        _owners = owners;
        Superseded = superseded;
        _ordinals = new Dictionary<string, int>(paths.Count, StringComparer.Ordinal);
        for (var i = 0; i < paths.Count; i++)
        {
            _ordinals[paths[i]] = i;
        }
    }

    /// <summary>All paths, sorted ordinally.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>"task 3's app/main.py is superseded by task 7's", one entry per overwritten version.</summary>
    public IReadOnlyList<string> Superseded { get; }

    public static CodeFileIndex Build(IEnumerable<TaskRecord> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var owners = new Dictionary<string, int>(StringComparer.Ordinal);
        var superseded = new List<string>();
        foreach (var task in tasks.OrderBy(t => t.Number))
        {
            foreach (var file in task.Files)
            {
                if (owners.TryGetValue(file.Path, out var previous) && previous != task.Number)
                {
                    superseded.Add($"task {previous}'s {file.Path} is superseded by task {task.Number}'s");
                }

                owners[file.Path] = task.Number;
            }
        }

        var paths = owners.Keys.Order(StringComparer.Ordinal).ToList();
        return new CodeFileIndex(paths, owners, superseded);
    }

    /// <summary>The file ordinal of a path; throws for a path no task produced.</summary>
    public int OrdinalOf(string path) =>
        _ordinals.TryGetValue(path, out var ordinal)
            ? ordinal
            : throw new KeyNotFoundException($"'{path}' is not one of the run's code files.");

    /// <summary>Whether <paramref name="taskNumber"/> owns <paramref name="path"/> (wrote it last).</summary>
    public bool IsOwner(string path, int taskNumber) => _owners.TryGetValue(path, out var owner) && owner == taskNumber;

    /// <summary>The task that owns a path.</summary>
    public int OwnerOf(string path) =>
        _owners.TryGetValue(path, out var owner) ? owner : throw new KeyNotFoundException($"'{path}' is not one of the run's code files.");
}
