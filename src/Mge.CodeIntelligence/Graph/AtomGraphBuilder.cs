using Mge.CodeIntelligence.Atomization;
using Mge.CodeIntelligence.Languages;

namespace Mge.CodeIntelligence.Graph;

/// <summary>
/// Builds the dependency graph of a project's atoms with hash maps, in time linear in atoms plus references
/// (no pairwise comparison of atoms). An atom depends on:
/// <list type="bullet">
/// <item>its enclosing definition: a method or fragment on the nearest preceding atom of its file that
/// defines its <see cref="Atom.Scope"/> or, failing that, the closest enclosing prefix of it (a method's
/// class header, a fragment's function first part);</item>
/// <item>for each name it uses, the nearest preceding atom of the same file that defines the name (imports
/// count as definitions of their local names); when none precedes, the first one that follows (a function
/// may call one defined below it);</item>
/// <item>for each import of a name from another project file (Python modules, including relative imports;
/// JavaScript relative specifiers resolved with Node's rules), the last atom of the target file that defines
/// that name (for JavaScript, failing that, the atom that defines the module's "default" export, i.e.
/// <c>module.exports</c>). Whole-module imports (<c>import x</c>, <c>import * as x</c>,
/// <c>const x = require('./x')</c> of a module with no export atom) link to nothing: which attributes are
/// used is not tracked, and the edge from the user to the import atom already orders the importer.</item>
/// </list>
/// </summary>
/// <remarks>
/// Linear in atoms plus references with few allocations: files and names are integer ids from the
/// <see cref="SymbolIndex"/>, "the nearest preceding definer in this file" is one array slot per name
/// stamped with the file, each import's target file is resolved once per distinct relative specifier,
/// and the edges go straight into pre-sized arrays (rows by user) deduplicated with one marker per atom.
/// </remarks>
public static class AtomGraphBuilder
{
    public static AtomGraph Build(IReadOnlyList<Atom> atoms) => Build(atoms, SymbolIndex.Build(atoms));

    /// <summary>Builds the graph of <paramref name="atoms"/> with an index built from the same list, in the same order.</summary>
    public static AtomGraph Build(IReadOnlyList<Atom> atoms, SymbolIndex symbols)
    {
        ArgumentNullException.ThrowIfNull(atoms);
        ArgumentNullException.ThrowIfNull(symbols);
        if (!symbols.IsIndexOf(atoms))
        {
            throw new ArgumentException("The symbol index was built from a different list of atoms; build it from this list (SymbolIndex.Build(atoms)).", nameof(symbols));
        }

        var all = symbols.Atoms;
        var n = all.Length;
        var ids = new string[n];
        var maxEdges = 0L;
        var importCount = 0;
        for (var node = 0; node < n; node++)
        {
            var atom = all[node];
            ids[node] = atom.Id;
            importCount += atom.Imports.Count;
            maxEdges += atom.Uses.Count + atom.Imports.Count + (atom.Scope.Length > 0 ? 1 : 0);
        }

        RejectDuplicateIds(symbols, ids, nameof(atoms));

        // Every reference adds at most one edge, so this capacity is never exceeded.
        var edges = new AtomGraph.EdgeRowsBuilder(n, (int)Math.Min(maxEdges, Array.MaxLength));

        // lastDefiner[name] is the nearest preceding definer of the name in the file being walked (low 32 bits),
        // valid when its high 32 bits hold that file's stamp (file + 1): a stamp instead of clearing a map for
        // every file, kept with the node so one read answers both.
        var lastDefiner = new long[symbols.NameCount];
        var importDefiners = ResolveImports(symbols, importCount);
        var nextImport = 0;
        for (var file = 0; file < symbols.FileCount; file++)
        {
            var stamp = file + 1;
            foreach (var user in symbols.FileAtoms(file))
            {
                var atom = all[user];
                AddScopeEdge(atom.Scope, user, stamp, symbols, lastDefiner, edges);
                var uses = atom.Uses;
                for (var u = 0; u < uses.Count; u++)
                {
                    var name = uses[u];
                    var nameId = symbols.NameId(name);
                    if (nameId < 0)
                    {
                        continue;
                    }

                    var last = lastDefiner[nameId];
                    var definer = (int)(last >> 32) == stamp
                        ? (int)last
                        : FirstOther(symbols.Definers(file, nameId), user);
                    if (definer >= 0)
                    {
                        edges.Add(user, definer, name);
                    }
                }

                var imports = atom.Imports;
                for (var i = 0; i < imports.Count; i++)
                {
                    var definer = importDefiners[nextImport++];
                    if (definer >= 0)
                    {
                        edges.Add(user, definer, imports[i].ImportedName!);
                    }
                }

                // Registered after the atom's own references, so an atom never resolves a name to itself.
                foreach (var nameId in symbols.DefinedNameIds(user))
                {
                    lastDefiner[nameId] = ((long)stamp << 32) | (uint)user;
                }
            }
        }

        return edges.Build(ids, symbols.CanonicalOrder());
    }

    /// <summary>
    /// The definer each import links to (-1 for none), in walk order (files, then atoms by index, then the
    /// atom's imports). An import's definer depends only on its target file and name, not on the walk, so
    /// all are resolved first in one tight loop whose hash lookups the processor can overlap: on big graphs
    /// they miss the caches, and overlapping them is most of the speed.
    /// </summary>
    private static int[] ResolveImports(SymbolIndex symbols, int importCount)
    {
        var all = symbols.Atoms;
        var definers = new int[importCount];
        var importTargets = new Dictionary<(int File, string Module, int Level), int>();
        var defaultName = symbols.NameId("default");
        var next = 0;
        for (var file = 0; file < symbols.FileCount; file++)
        {
            foreach (var node in symbols.FileAtoms(file))
            {
                var atom = all[node];
                var imports = atom.Imports;
                for (var i = 0; i < imports.Count; i++)
                {
                    definers[next++] = ImportedDefiner(atom, file, imports[i], symbols, importTargets, defaultName);
                }
            }
        }

        return definers;
    }

    /// <summary>Two atoms with the same file and index have the same id; a file's nodes are sorted by index, so they are neighbours.</summary>
    private static void RejectDuplicateIds(SymbolIndex symbols, string[] ids, string parameterName)
    {
        var all = symbols.Atoms;
        for (var file = 0; file < symbols.FileCount; file++)
        {
            var nodes = symbols.FileAtoms(file);
            for (var i = 1; i < nodes.Length; i++)
            {
                if (all[nodes[i]].Index == all[nodes[i - 1]].Index)
                {
                    throw new ArgumentException($"Atom id '{ids[nodes[i]]}' appears twice; each file's atoms need distinct indexes.", parameterName);
                }
            }
        }
    }

    /// <summary>An edge to the nearest preceding definer of the atom's scope or, failing that, of its closest enclosing prefix.</summary>
    private static void AddScopeEdge(string scope, int user, int stamp, SymbolIndex symbols, long[] lastDefiner, AtomGraph.EdgeRowsBuilder edges)
    {
        var prefix = scope.AsSpan();
        while (!prefix.IsEmpty)
        {
            var nameId = symbols.NameId(prefix);
            if (nameId >= 0 && (int)(lastDefiner[nameId] >> 32) == stamp)
            {
                edges.Add(user, (int)lastDefiner[nameId], symbols.Name(nameId));
                return;
            }

            var dot = prefix.LastIndexOf('.');
            if (dot < 0)
            {
                return;
            }

            prefix = prefix[..dot];
        }
    }

    private static int FirstOther(ReadOnlySpan<SymbolIndex.Definer> definers, int self)
    {
        foreach (var definer in definers)
        {
            if (definer.Node != self)
            {
                return definer.Node;
            }
        }

        return -1;
    }

    private static int ImportedDefiner(Atom importer, int importerFile, ImportReference import, SymbolIndex symbols, Dictionary<(int File, string Module, int Level), int> importTargets, int defaultName)
    {
        if (import.ImportedName is null or "*")
        {
            return -1;
        }

        var target = symbols.ResolveImportFile(importer, importerFile, import, importTargets);
        if (target < 0 || target == importerFile)
        {
            return -1;
        }

        var nameId = symbols.NameId(import.ImportedName);
        var definers = nameId >= 0 ? symbols.Definers(target, nameId) : [];
        if (definers.Length > 0)
        {
            return definers[^1].Node;
        }

        if (importer.Language == SourceLanguage.JavaScript && import.ImportedName != "default" && defaultName >= 0)
        {
            var exports = symbols.Definers(target, defaultName);
            return exports.Length > 0 ? exports[^1].Node : -1;
        }

        return -1;
    }
}
