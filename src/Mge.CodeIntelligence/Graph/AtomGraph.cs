using System.Collections;

namespace Mge.CodeIntelligence.Graph;

/// <summary>
/// The dependency graph of a project's atoms: one node per atom id, one edge per (user, definer) pair, no
/// self-edges and no duplicates. Stored as index arrays so graphs of millions of atoms stay compact;
/// <see cref="Edges"/> materialises <see cref="AtomEdge"/> records on demand.
/// </summary>
public sealed class AtomGraph
{
    private readonly string[] _ids;
    private readonly string[] _files;
    private readonly int[] _indexes;
    private readonly int[] _edgeFrom;
    private readonly int[] _edgeTo;
    private readonly string[] _edgeSymbols;

    internal AtomGraph(string[] ids, string[] files, int[] indexes, int[] edgeFrom, int[] edgeTo, string[] edgeSymbols)
    {
        _ids = ids;
        _files = files;
        _indexes = indexes;
        _edgeFrom = edgeFrom;
        _edgeTo = edgeTo;
        _edgeSymbols = edgeSymbols;
        Edges = new AtomEdgeList(this);
    }

    /// <summary>The atom ids, in the order they were given.</summary>
    public IReadOnlyList<string> AtomIds => _ids;

    public int AtomCount => _ids.Length;

    public int EdgeCount => _edgeFrom.Length;

    /// <summary>Every dependency: From uses what To defines.</summary>
    public IReadOnlyList<AtomEdge> Edges { get; }

    internal ReadOnlySpan<int> EdgeFrom => _edgeFrom;

    internal ReadOnlySpan<int> EdgeTo => _edgeTo;

    internal string FileOf(int node) => _files[node];

    internal int IndexOf(int node) => _indexes[node];

    internal AtomEdge EdgeAt(int edge) => new(_ids[_edgeFrom[edge]], _ids[_edgeTo[edge]], _edgeSymbols[edge]);

    /// <summary>
    /// A graph from ids and edges given directly (tests, benchmarks, stored plans). Ids of the form
    /// "path#index" (<c>Atom.Id</c>) order cycle members by path and index; other ids order by the id.
    /// Self-edges and repeated (From, To) pairs are dropped; an edge naming an unknown id is an error.
    /// </summary>
    public static AtomGraph FromEdges(IReadOnlyList<string> atomIds, IEnumerable<AtomEdge> edges)
    {
        ArgumentNullException.ThrowIfNull(atomIds);
        ArgumentNullException.ThrowIfNull(edges);

        var ids = atomIds.ToArray();
        var nodeOf = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        var files = new string[ids.Length];
        var indexes = new int[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            if (!nodeOf.TryAdd(ids[i], i))
            {
                throw new ArgumentException($"Atom id '{ids[i]}' appears twice.", nameof(atomIds));
            }

            (files[i], indexes[i]) = SplitId(ids[i]);
        }

        var builder = new EdgeListBuilder(ids.Length);
        foreach (var edge in edges)
        {
            if (!nodeOf.TryGetValue(edge.From, out var from) || !nodeOf.TryGetValue(edge.To, out var to))
            {
                throw new ArgumentException($"Edge {edge.From} -> {edge.To} names an atom that is not in the graph.", nameof(edges));
            }

            builder.Add(from, to, edge.Symbol);
        }

        return builder.Build(ids, files, indexes);
    }

    /// <summary>A graph over nodes 0..n-1 named by <paramref name="ids"/>, for generated benchmark graphs.</summary>
    internal static AtomGraph FromIndexEdges(string[] ids, ReadOnlySpan<int> from, ReadOnlySpan<int> to, string symbol)
    {
        var files = new string[ids.Length];
        var indexes = new int[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            (files[i], indexes[i]) = SplitId(ids[i]);
        }

        var builder = new EdgeListBuilder(ids.Length);
        for (var e = 0; e < from.Length; e++)
        {
            builder.Add(from[e], to[e], symbol);
        }

        return builder.Build(ids, files, indexes);
    }

    private static (string File, int Index) SplitId(string id)
    {
        var hash = id.LastIndexOf('#');
        return hash > 0 && int.TryParse(id.AsSpan(hash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            ? (id[..hash], index)
            : (id, 0);
    }

    /// <summary>Collects edges, dropping self-edges and repeated (From, To) pairs in one pass.</summary>
    internal sealed class EdgeListBuilder(int nodeCount)
    {
        private readonly HashSet<long> _seen = [];
        private readonly List<int> _from = [];
        private readonly List<int> _to = [];
        private readonly List<string> _symbols = [];

        public void Add(int from, int to, string symbol)
        {
            if (from == to || !_seen.Add(((long)from * nodeCount) + to))
            {
                return;
            }

            _from.Add(from);
            _to.Add(to);
            _symbols.Add(symbol);
        }

        public AtomGraph Build(string[] ids, string[] files, int[] indexes) =>
            new(ids, files, indexes, _from.ToArray(), _to.ToArray(), _symbols.ToArray());
    }

    private sealed class AtomEdgeList(AtomGraph graph) : IReadOnlyList<AtomEdge>
    {
        public AtomEdge this[int index] => (uint)index < (uint)graph._edgeFrom.Length
            ? graph.EdgeAt(index)
            : throw new ArgumentOutOfRangeException(nameof(index));

        public int Count => graph._edgeFrom.Length;

        public IEnumerator<AtomEdge> GetEnumerator()
        {
            for (var i = 0; i < graph._edgeFrom.Length; i++)
            {
                yield return graph.EdgeAt(i);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
