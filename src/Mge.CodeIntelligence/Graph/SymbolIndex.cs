using Mge.CodeIntelligence.Atomization;
using Mge.CodeIntelligence.Languages;
using Mge.CodeIntelligence.Languages.JavaScript;
using Mge.CodeIntelligence.Languages.Python.Analysis;

namespace Mge.CodeIntelligence.Graph;

/// <summary>
/// Where each name is defined, per file, plus the maps needed to follow imports between files (Python
/// dotted module names, the JavaScript file list). Built once in time linear in atoms and names.
/// A name counts as defined by an atom when it is in <see cref="Atom.Defines"/> or is the local name of
/// one of its imports.
/// </summary>
/// <remarks>
/// Atoms are nodes 0..n-1 (their position in the list given to <see cref="Build"/>), files and names are
/// interned once to integer ids, and the definers of a name are one sorted range of a flat array (by name,
/// then file, then index), so a build allocates a handful of arrays rather than a list per (file, name).
/// </remarks>
public sealed class SymbolIndex
{
    private readonly Atom[] _atoms;
    private readonly IReadOnlyList<Atom> _source;

    private readonly Dictionary<string, int> _fileIds = new(StringComparer.Ordinal);
    private readonly List<string> _filePaths = [];
    private readonly HashSet<string> _filePathSet = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _pythonModules = new(StringComparer.Ordinal);
    private readonly int[] _fileOf;

    // Nodes grouped by file id (ids in order of first appearance), by index within a file.
    private int[] _fileAtomStart = [];
    private int[] _fileAtoms = [];

    private NameTable _names = new(0);

    // The distinct name ids each node defines: rows by node.
    private int[] _definedStart = [];
    private int[] _definedNames = [];

    // Definers of each name: _definers[_nameStart[name] .. _nameStart[name + 1]), sorted by file id, then by
    // index within the file. File and node side by side: one cache line per lookup on big projects.
    private int[] _nameStart = [];
    private Definer[] _definers = [];

    private SymbolIndex(IReadOnlyList<Atom> atoms)
    {
        _source = atoms;
        _atoms = atoms.ToArray();
        for (var i = 0; i < _atoms.Length; i++)
        {
            if (_atoms[i] is null)
            {
                throw new ArgumentException($"Atom {i} is null.", nameof(atoms));
            }
        }

        _fileOf = new int[_atoms.Length];
    }

    /// <summary>Every file that has atoms.</summary>
    public IReadOnlySet<string> Files => _filePathSet;

    public static SymbolIndex Build(IReadOnlyList<Atom> atoms)
    {
        ArgumentNullException.ThrowIfNull(atoms);
        var index = new SymbolIndex(atoms);
        index.GroupByFile();
        index.InternDefinedNames();
        index.IndexDefiners();
        return index;
    }

    /// <summary>The atoms of a file in index order (empty for unknown files).</summary>
    public IReadOnlyList<Atom> AtomsOf(string filePath) =>
        _fileIds.TryGetValue(filePath, out var file) ? Materialise(FileAtoms(file)) : [];

    /// <summary>The atoms of <paramref name="filePath"/> that define <paramref name="name"/>, in file order.</summary>
    public IReadOnlyList<Atom> DefinersOf(string filePath, string name) =>
        _fileIds.TryGetValue(filePath, out var file) && _names.Find(name) is >= 0 and var nameId
            ? Materialise(Definers(file, nameId))
            : [];

    /// <summary>The file of a dotted Python module ("app.models.user"), or null when it is not in the project.</summary>
    public string? FileOfPythonModule(string dottedModule) =>
        _pythonModules.TryGetValue(dottedModule, out var file) ? _filePaths[file] : null;

    /// <summary>
    /// The project file an import names, or null for third-party, built-in or unresolvable imports.
    /// Python: dotted modules (with relative levels); JavaScript: relative specifiers with Node's rules.
    /// </summary>
    public string? ResolveImportTarget(Atom importer, ImportReference import)
    {
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentNullException.ThrowIfNull(import);
        var importerFile = _fileIds.TryGetValue(importer.FilePath, out var known) ? known : -1;
        var file = ResolveImportFile(importer, importerFile, import, cache: null);
        return file < 0 ? null : _filePaths[file];
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

    /// <summary>True when this index was built from exactly these atoms, in this order.</summary>
    internal bool IsIndexOf(IReadOnlyList<Atom> atoms)
    {
        if (ReferenceEquals(atoms, _source))
        {
            return true;
        }

        if (atoms.Count != _atoms.Length)
        {
            return false;
        }

        for (var i = 0; i < _atoms.Length; i++)
        {
            if (!ReferenceEquals(atoms[i], _atoms[i]))
            {
                return false;
            }
        }

        return true;
    }

    internal ReadOnlySpan<Atom> Atoms => _atoms;

    internal int FileCount => _filePaths.Count;

    internal int NameCount => _names.Count;

    internal string FilePath(int file) => _filePaths[file];

    internal int FileOf(int node) => _fileOf[node];

    /// <summary>The nodes of a file, by index.</summary>
    internal ReadOnlySpan<int> FileAtoms(int file) => _fileAtoms.AsSpan(_fileAtomStart[file], _fileAtomStart[file + 1] - _fileAtomStart[file]);

    /// <summary>The id of a defined name, or -1 when no atom defines it.</summary>
    internal int NameId(string name) => _names.Find(name);

    internal int NameId(ReadOnlySpan<char> name) => _names.Find(name);

    internal string Name(int nameId) => _names[nameId];

    /// <summary>The distinct name ids a node defines.</summary>
    internal ReadOnlySpan<int> DefinedNameIds(int node) => _definedNames.AsSpan(_definedStart[node], _definedStart[node + 1] - _definedStart[node]);

    /// <summary>The definers of <paramref name="nameId"/> in <paramref name="file"/>, by index.</summary>
    internal ReadOnlySpan<Definer> Definers(int file, int nameId)
    {
        var low = _nameStart[nameId];
        var end = _nameStart[nameId + 1];

        // Most names have a handful of definers: scan those; bisect long ranges ("router" in every file).
        var high = end;
        if (end - low > 8)
        {
            while (low < high)
            {
                var mid = (int)(((uint)low + (uint)high) >> 1);
                if (_definers[mid].File < file)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid;
                }
            }
        }
        else
        {
            while (low < end && _definers[low].File < file)
            {
                low++;
            }
        }

        var stop = low;
        while (stop < end && _definers[stop].File == file)
        {
            stop++;
        }

        return _definers.AsSpan(low, stop - low);
    }

    /// <summary>
    /// The file id an import names, or -1. Python absolute modules are one dictionary lookup; relative
    /// modules and JavaScript specifiers are computed per (file, module, level) once and remembered in
    /// <paramref name="cache"/> when one is given (<paramref name="importerFile"/> is the importer's file id,
    /// -1 when the importer's file is not in the index).
    /// </summary>
    internal int ResolveImportFile(Atom importer, int importerFile, ImportReference import, Dictionary<(int File, string Module, int Level), int>? cache)
    {
        if (importer.Language == SourceLanguage.Python && import.Level <= 0)
        {
            return _pythonModules.TryGetValue(import.Module, out var absolute) ? absolute : -1;
        }

        if (importer.Language is not (SourceLanguage.Python or SourceLanguage.JavaScript))
        {
            return -1;
        }

        if (importer.Language == SourceLanguage.JavaScript && !NodeModuleResolution.IsRelative(import.Module))
        {
            return -1;
        }

        var key = (importerFile, import.Module, import.Level);
        if (importerFile >= 0 && cache is not null && cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        string? target;
        if (importer.Language == SourceLanguage.Python)
        {
            var module = PythonModuleNames.AbsoluteModule(importer.FilePath, import.Module, import.Level);
            target = module is null ? null : FileOfPythonModule(module);
        }
        else
        {
            target = NodeModuleResolution.ResolveRelative(importer.FilePath, import.Module, _filePathSet);
        }

        var result = target is not null && _fileIds.TryGetValue(target, out var targetFile) ? targetFile : -1;
        if (importerFile >= 0 && cache is not null)
        {
            cache[key] = result;
        }

        return result;
    }

    /// <summary>Every node in canonical order: files by ordinal path, atoms by index within a file.</summary>
    internal int[] CanonicalOrder()
    {
        var fileRank = AtomGraph.RankOrdinal(_filePaths);
        var filesInOrder = new int[fileRank.Length];
        for (var file = 0; file < fileRank.Length; file++)
        {
            filesInOrder[fileRank[file]] = file;
        }

        var order = new int[_atoms.Length];
        var next = 0;
        foreach (var file in filesInOrder)
        {
            var nodes = FileAtoms(file);
            nodes.CopyTo(order.AsSpan(next));
            next += nodes.Length;
        }

        return order;
    }

    private void GroupByFile()
    {
        var n = _atoms.Length;
        var counts = new List<int>();
        string? previousPath = null;
        var previousFile = -1;
        for (var node = 0; node < n; node++)
        {
            var atom = _atoms[node];

            // Atoms of one file usually arrive together and share one path string: skip the hash lookup.
            var path = atom.FilePath;
            int file;
            if (ReferenceEquals(path, previousPath))
            {
                file = previousFile;
            }
            else if (!_fileIds.TryGetValue(path, out file))
            {
                file = _filePaths.Count;
                _fileIds.Add(path, file);
                _filePaths.Add(path);
                _filePathSet.Add(path);
                counts.Add(0);
                RegisterPythonModule(path, file);
            }

            previousPath = path;
            previousFile = file;
            _fileOf[node] = file;
            counts[file]++;
        }

        var fileCount = _filePaths.Count;
        _fileAtomStart = new int[fileCount + 1];
        for (var file = 0; file < fileCount; file++)
        {
            _fileAtomStart[file + 1] = _fileAtomStart[file] + counts[file];
        }

        _fileAtoms = new int[n];
        var fill = new int[fileCount];
        Array.Copy(_fileAtomStart, fill, fileCount);
        for (var node = 0; node < n; node++)
        {
            _fileAtoms[fill[_fileOf[node]]++] = node;
        }

        // Atoms normally come in index order; sort a file's nodes only when they do not.
        var keys = Array.Empty<int>();
        for (var file = 0; file < fileCount; file++)
        {
            var nodes = _fileAtoms.AsSpan(_fileAtomStart[file], counts[file]);
            var sorted = true;
            for (var i = 1; i < nodes.Length && sorted; i++)
            {
                sorted = _atoms[nodes[i - 1]].Index <= _atoms[nodes[i]].Index;
            }

            if (!sorted)
            {
                if (keys.Length < nodes.Length)
                {
                    keys = new int[nodes.Length];
                }

                var fileKeys = keys.AsSpan(0, nodes.Length);
                for (var i = 0; i < nodes.Length; i++)
                {
                    fileKeys[i] = _atoms[nodes[i]].Index;
                }

                fileKeys.Sort(nodes);
            }
        }
    }

    private void InternDefinedNames()
    {
        var n = _atoms.Length;
        var total = 0;
        foreach (var atom in _atoms)
        {
            total += atom.Defines.Count + atom.Imports.Count;
        }

        _definedStart = new int[n + 1];
        _definedNames = new int[total];

        // Distinct names are usually well under the occurrences (imports repeat names): half of them, at
        // least one per atom, sizes the table without regrowing in the common case.
        _names = new NameTable(Math.Max(n, total / 2));

        // lastNodeOf[name] = node + 1 of the last node that listed the name: drops a name an atom binds twice.
        var lastNodeOf = new int[Math.Max(16, n)];
        var count = 0;
        for (var node = 0; node < n; node++)
        {
            _definedStart[node] = count;
            // Indexed loops: foreach over IReadOnlyList allocates an enumerator per atom.
            var atom = _atoms[node];
            var defines = atom.Defines;
            for (var i = 0; i < defines.Count; i++)
            {
                AddDefinedName(defines[i], node, ref lastNodeOf, ref count);
            }

            var imports = atom.Imports;
            for (var i = 0; i < imports.Count; i++)
            {
                AddDefinedName(imports[i].LocalName, node, ref lastNodeOf, ref count);
            }
        }

        _definedStart[n] = count;
    }

    private void AddDefinedName(string name, int node, ref int[] lastNodeOf, ref int count)
    {
        var id = _names.GetOrAdd(name);
        if (id >= lastNodeOf.Length)
        {
            Array.Resize(ref lastNodeOf, lastNodeOf.Length * 2);
        }

        if (lastNodeOf[id] == node + 1)
        {
            return;
        }

        lastNodeOf[id] = node + 1;
        _definedNames[count++] = id;
    }

    /// <summary>A stable counting sort of (name, node) pairs by name, visiting nodes file by file in index order.</summary>
    private void IndexDefiners()
    {
        var nameCount = _names.Count;
        _nameStart = new int[nameCount + 1];
        foreach (var id in _definedNames.AsSpan(0, _definedStart[_atoms.Length]))
        {
            _nameStart[id + 1]++;
        }

        for (var id = 0; id < nameCount; id++)
        {
            _nameStart[id + 1] += _nameStart[id];
        }

        var total = _nameStart[nameCount];
        _definers = new Definer[total];
        var fill = new int[nameCount];
        Array.Copy(_nameStart, fill, nameCount);
        for (var file = 0; file < _filePaths.Count; file++)
        {
            foreach (var node in FileAtoms(file))
            {
                foreach (var id in DefinedNameIds(node))
                {
                    _definers[fill[id]++] = new Definer(file, node);
                }
            }
        }
    }

    private Atom[] Materialise(ReadOnlySpan<Definer> definers)
    {
        var result = new Atom[definers.Length];
        for (var i = 0; i < definers.Length; i++)
        {
            result[i] = _atoms[definers[i].Node];
        }

        return result;
    }

    private Atom[] Materialise(ReadOnlySpan<int> nodes)
    {
        var result = new Atom[nodes.Length];
        for (var i = 0; i < nodes.Length; i++)
        {
            result[i] = _atoms[nodes[i]];
        }

        return result;
    }

    private void RegisterPythonModule(string filePath, int file)
    {
        foreach (var module in PythonModuleNames.ImportNames(filePath))
        {
            // An import loads the source, not its stub, when a project has both.
            if (!_pythonModules.TryGetValue(module, out var known) || (PythonModuleNames.IsStub(_filePaths[known]) && !PythonModuleNames.IsStub(filePath)))
            {
                _pythonModules[module] = file;
            }
        }
    }

    /// <summary>An atom (node) of a file (file id) that defines a name.</summary>
    internal readonly record struct Definer(int File, int Node);
}
