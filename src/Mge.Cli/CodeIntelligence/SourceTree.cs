namespace Mge.Cli.CodeIntelligence;

/// <summary>
/// Walks a folder the way a developer thinks of a project: every file, recursively, except dependency,
/// cache and VCS folders that are not the project's own code.
/// </summary>
public static class SourceTree
{
    /// <summary>Folder names never descended into.</summary>
    public static IReadOnlySet<string> SkippedDirectories { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "node_modules", ".git", "__pycache__", ".venv", "venv", ".mypy_cache", ".pytest_cache", ".mge",
    };

    /// <summary>All files under <paramref name="root"/> (absolute paths), in ordinal order of their relative paths.</summary>
    public static IReadOnlyList<string> EnumerateFiles(string root)
    {
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            foreach (var file in Directory.EnumerateFiles(directory))
            {
                files.Add(file);
            }

            foreach (var child in Directory.EnumerateDirectories(directory))
            {
                var name = Path.GetFileName(child);
                // Symlinked folders are skipped: they can loop, and they are rarely part of the project itself.
                if (!SkippedDirectories.Contains(name) && new DirectoryInfo(child).LinkTarget is null)
                {
                    pending.Push(child);
                }
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(RelativePath(root, a), RelativePath(root, b)));
        return files;
    }

    /// <summary>The workspace-relative form of <paramref name="fullPath"/> under <paramref name="root"/>: forward slashes, no leading "./".</summary>
    public static string RelativePath(string root, string fullPath) =>
        Path.GetRelativePath(root, fullPath).Replace('\\', '/');
}
