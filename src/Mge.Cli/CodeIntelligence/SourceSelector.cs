using Mge.Cli.Terminal;
using Mge.CodeIntelligence.Languages;

namespace Mge.Cli.CodeIntelligence;

/// <summary>
/// Turns PATH arguments into source files grouped by project. A directory is its own project (every
/// file under it, recursively). A single file belongs to the nearest enclosing folder that looks like a
/// project root (requirements.txt, pyproject.toml, package.json or .git), else to its own folder, so
/// that <c>from app.models import User</c> resolves the way it would when the project runs.
/// </summary>
public sealed class SourceSelector(LanguageServices languages, CliEnvironment environment)
{
    private const long MaxContextFileBytes = 1024 * 1024;

    private static readonly string[] ProjectMarkers = ["requirements.txt", "pyproject.toml", "package.json", ".git"];

    /// <summary>Resolves every path; throws <see cref="CliUsageException"/> for a missing path, a file no language handles, or a folder with no source files.</summary>
    public async Task<IReadOnlyList<SourceSelection>> SelectAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        if (paths.Count == 0)
        {
            throw new CliUsageException("no PATH given: name at least one file or directory.");
        }

        var selections = new List<SourceSelection>();
        foreach (var path in paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            selections.Add(await SelectAsync(path, cancellationToken));
        }

        return selections;
    }

    private async Task<SourceSelection> SelectAsync(string path, CancellationToken cancellationToken)
    {
        var fullPath = environment.ResolvePath(path);
        if (Directory.Exists(fullPath))
        {
            var files = SourceTree.EnumerateFiles(fullPath);
            var selected = files
                .Select(file => ToSelected(fullPath, file))
                .OfType<SelectedFile>()
                .ToList();
            if (selected.Count == 0)
            {
                throw new CliUsageException($"{path}: no source files found (looked for {string.Join(", ", languages.Extensions.Order(StringComparer.Ordinal))}).");
            }

            return new SourceSelection(fullPath, selected, await LoadProjectAsync(fullPath, files, cancellationToken));
        }

        if (File.Exists(fullPath))
        {
            if (languages.ForPath(fullPath) is null)
            {
                throw new CliUsageException($"{path}: not a source file MGE understands (expected {string.Join(", ", languages.Extensions.Order(StringComparer.Ordinal))}).");
            }

            var root = FindProjectRoot(fullPath);
            var selected = ToSelected(root, fullPath)!;
            return new SourceSelection(root, [selected], await LoadProjectAsync(root, SourceTree.EnumerateFiles(root), cancellationToken));
        }

        throw new CliUsageException($"{path}: no such file or directory.");
    }

    private SelectedFile? ToSelected(string root, string file)
    {
        var service = languages.ForPath(file);
        return service is null
            ? null
            : new SelectedFile(file, DisplayPath(file), SourceTree.RelativePath(root, file), service);
    }

    private async Task<ProjectContext> LoadProjectAsync(string root, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var projectFiles = new HashSet<string>(files.Select(f => SourceTree.RelativePath(root, f)), StringComparer.Ordinal);
        var dependencies = await DeclaredDependencies.ReadAsync(root, cancellationToken);

        // The other modules' texts let a check see inside them (that an imported name exists); very large
        // files are left out because they are almost never hand-written modules and would only cost memory.
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (languages.ForPath(file) is not null && new FileInfo(file).Length <= MaxContextFileBytes)
            {
                texts[SourceTree.RelativePath(root, file)] = await File.ReadAllTextAsync(file, cancellationToken);
            }
        }

        return new ProjectContext(projectFiles, dependencies) { FileTexts = texts };
    }

    private static string FindProjectRoot(string file)
    {
        var start = Path.GetDirectoryName(file)!;
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (ProjectMarkers.Any(marker => Path.Exists(Path.Combine(directory.FullName, marker))))
            {
                return directory.FullName;
            }
        }

        return start;
    }

    /// <summary>Paths under the working directory are shown relative to it (what the user typed); others in full.</summary>
    private string DisplayPath(string fullPath)
    {
        var relative = Path.GetRelativePath(environment.WorkingDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? fullPath
            : relative.Replace('\\', '/');
    }
}
