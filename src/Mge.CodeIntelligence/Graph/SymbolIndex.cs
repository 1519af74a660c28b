using Mge.CodeIntelligence.Atomization;
using Mge.CodeIntelligence.Languages;
using Mge.CodeIntelligence.Languages.JavaScript;

namespace Mge.CodeIntelligence.Graph;

/// <summary>
/// Where each name is defined, per file, plus the maps needed to follow imports between files (Python
/// dotted module names, the JavaScript file list). Built once in time linear in atoms and names.
/// A name counts as defined by an atom when it is in <see cref="Atom.Defines"/> or is the local name of
/// one of its imports.
/// </summary>
public sealed class SymbolIndex
{
    private readonly Dictionary<string, FileSymbols> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _pythonModules = new(StringComparer.Ordinal);
    private readonly HashSet<string> _filePaths = new(StringComparer.Ordinal);

    private SymbolIndex()
    {
    }

    /// <summary>Every file that has atoms.</summary>
    public IReadOnlySet<string> Files => _filePaths;

    public static SymbolIndex Build(IReadOnlyList<Atom> atoms)
    {
        ArgumentNullException.ThrowIfNull(atoms);
        var index = new SymbolIndex();
        foreach (var atom in atoms)
        {
            if (!index._files.TryGetValue(atom.FilePath, out var file))
            {
                file = new FileSymbols();
                index._files.Add(atom.FilePath, file);
                index._filePaths.Add(atom.FilePath);
                index.RegisterPythonModule(atom.FilePath);
            }

            file.Atoms.Add(atom);
        }

        foreach (var file in index._files.Values)
        {
            file.Atoms.Sort((a, b) => a.Index.CompareTo(b.Index));
            foreach (var atom in file.Atoms)
            {
                foreach (var name in DefinedNames(atom))
                {
                    if (!file.Definers.TryGetValue(name, out var list))
                    {
                        list = [];
                        file.Definers.Add(name, list);
                    }

                    if (list.Count == 0 || !ReferenceEquals(list[^1], atom))
                    {
                        list.Add(atom);
                    }
                }
            }
        }

        return index;
    }

    /// <summary>The atoms of a file in index order (empty for unknown files).</summary>
    public IReadOnlyList<Atom> AtomsOf(string filePath) =>
        _files.TryGetValue(filePath, out var file) ? file.Atoms : [];

    /// <summary>The atoms of <paramref name="filePath"/> that define <paramref name="name"/>, in file order.</summary>
    public IReadOnlyList<Atom> DefinersOf(string filePath, string name) =>
        _files.TryGetValue(filePath, out var file) && file.Definers.TryGetValue(name, out var list) ? list : [];

    /// <summary>The file of a dotted Python module ("app.models.user"), or null when it is not in the project.</summary>
    public string? FileOfPythonModule(string dottedModule) =>
        _pythonModules.GetValueOrDefault(dottedModule);

    /// <summary>
    /// The project file an import names, or null for third-party, built-in or unresolvable imports.
    /// Python: dotted modules (with relative levels); JavaScript: relative specifiers with Node's rules.
    /// </summary>
    public string? ResolveImportTarget(Atom importer, ImportReference import)
    {
        switch (importer.Language)
        {
            case SourceLanguage.Python:
                var module = PythonModuleNames.AbsoluteModule(importer.FilePath, import.Module, import.Level);
                return module is null ? null : FileOfPythonModule(module);
            case SourceLanguage.JavaScript:
                return NodeModuleResolution.IsRelative(import.Module)
                    ? NodeModuleResolution.ResolveRelative(importer.FilePath, import.Module, _filePaths)
                    : null;
            default:
                return null;
        }
    }

    /// <summary>The names an atom binds: its Defines and the local names of its imports.</summary>
    public static IEnumerable<string> DefinedNames(Atom atom)
    {
        foreach (var name in atom.Defines)
        {
            yield return name;
        }

        foreach (var import in atom.Imports)
        {
            yield return import.LocalName;
        }
    }

    private void RegisterPythonModule(string filePath)
    {
        var module = PythonModuleNames.ModuleOf(filePath);
        if (module is null)
        {
            return;
        }

        _pythonModules.TryAdd(module, filePath);

        // A src/ layout imports its packages without the "src." prefix.
        if (module.StartsWith("src.", StringComparison.Ordinal))
        {
            _pythonModules.TryAdd(module["src.".Length..], filePath);
        }
    }

    private sealed class FileSymbols
    {
        public List<Atom> Atoms { get; } = [];

        public Dictionary<string, List<Atom>> Definers { get; } = new(StringComparer.Ordinal);
    }
}
