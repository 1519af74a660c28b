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
public static class AtomGraphBuilder
{
    public static AtomGraph Build(IReadOnlyList<Atom> atoms) => Build(atoms, SymbolIndex.Build(atoms));

    public static AtomGraph Build(IReadOnlyList<Atom> atoms, SymbolIndex symbols)
    {
        ArgumentNullException.ThrowIfNull(atoms);
        ArgumentNullException.ThrowIfNull(symbols);

        var ids = new string[atoms.Count];
        var files = new string[atoms.Count];
        var indexes = new int[atoms.Count];
        var nodeOf = new Dictionary<Atom, int>(atoms.Count, ReferenceEqualityComparer.Instance);
        var seenIds = new HashSet<string>(atoms.Count, StringComparer.Ordinal);
        for (var i = 0; i < atoms.Count; i++)
        {
            var atom = atoms[i];
            if (!seenIds.Add(atom.Id))
            {
                throw new ArgumentException($"Atom id '{atom.Id}' appears twice; each file's atoms need distinct indexes.", nameof(atoms));
            }

            ids[i] = atom.Id;
            files[i] = atom.FilePath;
            indexes[i] = atom.Index;
            nodeOf.Add(atom, i);
        }

        var edges = new AtomGraph.EdgeListBuilder(atoms.Count);
        var lastDefiner = new Dictionary<string, Atom>(StringComparer.Ordinal);
        foreach (var filePath in symbols.Files.OrderBy(f => f, StringComparer.Ordinal))
        {
            lastDefiner.Clear();
            foreach (var atom in symbols.AtomsOf(filePath))
            {
                var from = nodeOf[atom];
                AddScopeEdge(atom, from, lastDefiner, nodeOf, edges);
                foreach (var name in atom.Uses)
                {
                    var definer = lastDefiner.GetValueOrDefault(name) ?? FirstOtherDefiner(symbols.DefinersOf(filePath, name), atom);
                    if (definer is not null)
                    {
                        edges.Add(from, nodeOf[definer], name);
                    }
                }

                foreach (var import in atom.Imports)
                {
                    var definer = ImportedDefiner(atom, import, symbols);
                    if (definer is not null)
                    {
                        edges.Add(from, nodeOf[definer], import.ImportedName ?? import.LocalName);
                    }
                }

                // Registered after the atom's own references, so an atom never resolves a name to itself.
                foreach (var name in SymbolIndex.DefinedNames(atom))
                {
                    lastDefiner[name] = atom;
                }
            }
        }

        return edges.Build(ids, files, indexes);
    }

    private static void AddScopeEdge(Atom atom, int from, Dictionary<string, Atom> lastDefiner, Dictionary<Atom, int> nodeOf, AtomGraph.EdgeListBuilder edges)
    {
        var scope = atom.Scope;
        while (!string.IsNullOrEmpty(scope))
        {
            if (lastDefiner.TryGetValue(scope, out var owner))
            {
                edges.Add(from, nodeOf[owner], scope);
                return;
            }

            var dot = scope.LastIndexOf('.');
            scope = dot < 0 ? null : scope[..dot];
        }
    }

    private static Atom? FirstOtherDefiner(IReadOnlyList<Atom> definers, Atom self)
    {
        foreach (var definer in definers)
        {
            if (!ReferenceEquals(definer, self))
            {
                return definer;
            }
        }

        return null;
    }

    private static Atom? ImportedDefiner(Atom importer, ImportReference import, SymbolIndex symbols)
    {
        if (import.ImportedName is null or "*")
        {
            return null;
        }

        var target = symbols.ResolveImportTarget(importer, import);
        if (target is null || target == importer.FilePath)
        {
            return null;
        }

        var definers = symbols.DefinersOf(target, import.ImportedName);
        if (definers.Count > 0)
        {
            return definers[^1];
        }

        if (importer.Language == SourceLanguage.JavaScript && import.ImportedName != "default")
        {
            var exports = symbols.DefinersOf(target, "default");
            return exports.Count > 0 ? exports[^1] : null;
        }

        return null;
    }
}
