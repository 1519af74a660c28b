namespace Mge.CodeIntelligence.Languages.Python.Analysis;

/// <summary>
/// The importable modules of one project, built from its file list. Absolute imports are looked up under
/// the search roots an importing file would have at run time (the workspace root, the file's own base
/// directory when it is not inside a package, and "src" for a src layout); relative imports are resolved
/// from the importing file's directory.
/// </summary>
public sealed class PythonProjectModules
{
    private readonly HashSet<string> _files = new(StringComparer.Ordinal);
    private readonly HashSet<string> _directories = new(StringComparer.Ordinal);

    private PythonProjectModules()
    {
    }

    /// <summary>Indexes the Python sources among the project's files (other files are ignored).</summary>
    public static PythonProjectModules Create(IEnumerable<string> projectFiles)
    {
        ArgumentNullException.ThrowIfNull(projectFiles);
        var index = new PythonProjectModules();
        foreach (var raw in projectFiles)
        {
            var path = PythonModuleNames.NormalizePath(raw);
            if (!PythonModuleNames.IsPythonSource(path))
            {
                continue;
            }

            index._files.Add(path);
            for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
            {
                if (!index._directories.Add(path[..slash]))
                {
                    break;
                }
            }
        }

        return index;
    }

    /// <summary>Every indexed Python source path.</summary>
    public IReadOnlyCollection<string> Files => _files;

    /// <summary>The directories absolute imports from this file are searched in, most specific first ("" is the workspace root).</summary>
    public IReadOnlyList<string> SearchRootsFor(string importingPath)
    {
        var roots = new List<string>();
        var directory = DirectoryOf(PythonModuleNames.NormalizePath(importingPath));

        // The first directory upwards that is not a package is where `python file.py` and pytest put the file's base.
        while (directory.Length > 0 && IsRegularPackage(directory))
        {
            directory = DirectoryOf(directory);
        }

        roots.Add(directory);
        if (directory.Length > 0)
        {
            roots.Add(string.Empty);
        }

        if (_directories.Contains("src") && !IsRegularPackage("src") && !roots.Contains("src"))
        {
            roots.Add("src");
        }

        return roots;
    }

    /// <summary>Finds an absolutely imported module ("app.models.user") from a file, or null when the project has none.</summary>
    public PythonProjectModule? FindAbsolute(string moduleName, string importingPath)
    {
        foreach (var root in SearchRootsFor(importingPath))
        {
            var found = FindUnder(root, moduleName.Split('.'));
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>
    /// Finds the target of a relative import (<paramref name="level"/> dots, then an optional dotted module)
    /// from a file. Null when it climbs above the workspace or names nothing in the project.
    /// </summary>
    public PythonProjectModule? FindRelative(int level, string? moduleName, string importingPath)
    {
        if (RelativeBaseDirectory(level, importingPath) is not { } directory)
        {
            return null;
        }

        if (string.IsNullOrEmpty(moduleName))
        {
            return PackageAt(directory);
        }

        return FindUnder(directory, moduleName.Split('.'));
    }

    /// <summary>The directory a relative import with this many dots starts from, or null when it climbs above the workspace.</summary>
    public static string? RelativeBaseDirectory(int level, string importingPath)
    {
        var directory = DirectoryOf(PythonModuleNames.NormalizePath(importingPath));
        for (var i = 1; i < level; i++)
        {
            if (directory.Length == 0)
            {
                return null;
            }

            directory = DirectoryOf(directory);
        }

        return directory;
    }

    /// <summary>The submodule or subpackage <paramref name="name"/> of a package, or null.</summary>
    public PythonProjectModule? FindSubmodule(PythonProjectModule package, string name) =>
        package.PackageDirectory is { } directory ? FindUnder(directory, [name]) : null;

    private PythonProjectModule? FindUnder(string root, IReadOnlyList<string> parts)
    {
        var directory = root;
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            var candidate = directory.Length == 0 ? part : $"{directory}/{part}";
            if (i == parts.Count - 1)
            {
                if (PackageAt(candidate) is { } package)
                {
                    return package;
                }

                if (_files.Contains(candidate + ".py"))
                {
                    return new PythonProjectModule(PythonModuleKind.Module, candidate + ".py");
                }

                return _files.Contains(candidate + ".pyi") ? new PythonProjectModule(PythonModuleKind.Module, candidate + ".pyi") : null;
            }

            if (!_directories.Contains(candidate))
            {
                return null;
            }

            directory = candidate;
        }

        return null;
    }

    private PythonProjectModule? PackageAt(string directory)
    {
        var prefix = directory.Length == 0 ? string.Empty : directory + "/";
        if (_files.Contains(prefix + "__init__.py"))
        {
            return new PythonProjectModule(PythonModuleKind.Package, prefix + "__init__.py");
        }

        if (_files.Contains(prefix + "__init__.pyi"))
        {
            return new PythonProjectModule(PythonModuleKind.Package, prefix + "__init__.pyi");
        }

        return directory.Length > 0 && _directories.Contains(directory)
            ? new PythonProjectModule(PythonModuleKind.NamespacePackage, directory)
            : null;
    }

    private bool IsRegularPackage(string directory) =>
        _files.Contains(directory + "/__init__.py") || _files.Contains(directory + "/__init__.pyi");

    private static string DirectoryOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path[..slash];
    }
}
