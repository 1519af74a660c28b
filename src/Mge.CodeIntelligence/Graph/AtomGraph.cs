using System.Collections;

namespace Mge.CodeIntelligence.Graph;

/// <summary>
/// The dependency graph of a project's atoms: one node per atom id, one edge per (user, definer) pair, no
/// self-edges and no duplicates. Nodes are the indexes 0..n-1 of <see cref="AtomIds"/>; edges are stored as
/// compressed sparse rows in both directions (user -> definers, with the symbol of each edge in a parallel
/// array, and definer -> users), the way a planner walks them, so graphs of millions of atoms stay compact
/// and are traversed without hashing. <see cref="Edges"/> materialises <see cref="AtomEdge"/> records on demand.
/// The graph also holds the canonical order of its nodes (by file path, then index within the file, then id),
/// which waves and cycle reports use so plans do not depend on the order atoms or edges were given in.
/// </summary>
public sealed class AtomGraph
{
    private readonly string[] _ids;

    // User -> definers: the definers of node v are _definers[_definerStart[v] .. _definerStart[v + 1]),
    // and _symbols[e] names edge e. Edge e's index is its position here, which is also its index in Edges.
    // The arrays may be longer than the edge count (_definerStart[n]): the builder's pre-sized arrays are
    // kept rather than copied.
    private readonly int[] _definerStart;
    private readonly int[] _definers;
    private readonly string[] _symbols;

    // Definer -> users (the reverse rows), with the edge index of each entry so a traversal can find the edge.
    private readonly int[] _userStart;
    private readonly int[] _users;
    private readonly int[] _userEdges;

    // _canonical lists the nodes in canonical order; _positionOf is its inverse.
    private readonly int[] _canonical;
    private readonly int[] _positionOf;

    private AtomGraph(string[] ids, int[] definerStart, int[] definers, string[] symbols, int[] canonical)
    {
        _ids = ids;
        _definerStart = definerStart;
        _definers = definers;
        _symbols = symbols;
        _canonical = canonical;
        _positionOf = new int[ids.Length];
        for (var i = 0; i < canonical.Length; i++)
        {
            _positionOf[canonical[i]] = i;
        }

        (_userStart, _users, _userEdges) = Reverse(ids.Length, definerStart, definers);
        Edges = new AtomEdgeList(this);
    }

    /// <summary>The atom ids, in the order they were given.</summary>
    public IReadOnlyList<string> AtomIds => _ids;

    public int AtomCount => _ids.Length;

    public int EdgeCount => _definerStart[^1];

    /// <summary>Every dependency: From uses what To defines. Grouped by user, in the order the users were given.</summary>
    public IReadOnlyList<AtomEdge> Edges { get; }

    internal string[] Ids => _ids;

    /// <summary>Row starts of the user -> definers rows (length n + 1).</summary>
    internal ReadOnlySpan<int> DefinerStart => _definerStart;

    /// <summary>The definer of every edge, rows by user; the edge index is the position.</summary>
    internal ReadOnlySpan<int> Definers => _definers.AsSpan(0, EdgeCount);

    /// <summary>Row starts of the definer -> users rows (length n + 1).</summary>
    internal ReadOnlySpan<int> UserStart => _userStart;

    internal ReadOnlySpan<int> Users => _users;

    /// <summary>The edge index of each entry of <see cref="Users"/>.</summary>
    internal ReadOnlySpan<int> UserEdges => _userEdges;

    /// <summary>The nodes in canonical order (file path ordinal, index, id).</summary>
    internal ReadOnlySpan<int> CanonicalOrder => _canonical;

    /// <summary>Each node's position in <see cref="CanonicalOrder"/>.</summary>
    internal ReadOnlySpan<int> CanonicalPosition => _positionOf;

    /// <summary>The user of an edge: the row that holds it (binary search over the row starts).</summary>
    internal int UserOf(int edge)
    {
        // Rows may be empty, so find the last row starting at or before the edge that is not empty.
        var low = 0;
        var high = _ids.Length - 1;
        while (low < high)
        {
            var mid = (int)(((uint)low + (uint)high + 1) >> 1);
            if (_definerStart[mid] <= edge)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return low;
    }

    internal AtomEdge EdgeAt(int edge) => new(_ids[UserOf(edge)], _ids[_definers[edge]], _symbols[edge]);

    internal AtomEdge EdgeAt(int user, int edge) => new(_ids[user], _ids[_definers[edge]], _symbols[edge]);

    /// <summary>
    /// A graph from ids and edges given directly (tests, benchmarks, stored plans). Ids of the form
    /// "path#index" (<c>Atom.Id</c>) order cycle members by path and index; other ids order by the id.
    /// Self-edges and repeated (From, To) pairs are dropped (the first symbol is kept); an edge naming an
    /// unknown id is an error.
    /// </summary>
    public static AtomGraph FromEdges(IReadOnlyList<string> atomIds, IEnumerable<AtomEdge> edges)
    {
        ArgumentNullException.ThrowIfNull(atomIds);
        ArgumentNullException.ThrowIfNull(edges);

        var ids = atomIds.ToArray();
        var nodeOf = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(ids[i], nameof(atomIds));
            if (!nodeOf.TryAdd(ids[i], i))
            {
                throw new ArgumentException($"Atom id '{ids[i]}' appears twice.", nameof(atomIds));
            }
        }

        var builder = new EdgeRowsBuilder(ids.Length, edges.TryGetNonEnumeratedCount(out var count) ? count : ids.Length);
        foreach (var edge in edges)
        {
            ArgumentNullException.ThrowIfNull(edge, nameof(edges));
            if (!nodeOf.TryGetValue(edge.From, out var from) || !nodeOf.TryGetValue(edge.To, out var to))
            {
                throw new ArgumentException($"Edge {edge.From} -> {edge.To} names an atom that is not in the graph.", nameof(edges));
            }

            builder.Add(from, to, edge.Symbol);
        }

        return builder.Build(ids, CanonicalOrderOfIds(ids));
    }

    /// <summary>A graph over nodes 0..n-1 named by <paramref name="ids"/>, for generated benchmark graphs.</summary>
    internal static AtomGraph FromIndexEdges(string[] ids, ReadOnlySpan<int> from, ReadOnlySpan<int> to, string symbol)
    {
        var builder = new EdgeRowsBuilder(ids.Length, from.Length);
        for (var e = 0; e < from.Length; e++)
        {
            builder.Add(from[e], to[e], symbol);
        }

        return builder.Build(ids, CanonicalOrderOfIds(ids));
    }

    /// <summary>
    /// Orders ids by (path, index, id) where an id is "path#index", else (id, 0, id): distinct paths are
    /// sorted once, then nodes by an integer key, so the cost is one string sort of the paths plus an
    /// integer sort; string comparison of whole ids only breaks ties ("a#1" and "a#01").
    /// </summary>
    private static int[] CanonicalOrderOfIds(string[] ids)
    {
        var n = ids.Length;
        var fileIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var fileLookup = fileIds.GetAlternateLookup<ReadOnlySpan<char>>();
        var files = new List<string>();
        var fileOf = new int[n];
        var indexOf = new int[n];
        for (var i = 0; i < n; i++)
        {
            var (fileLength, index) = SplitId(ids[i]);
            var file = ids[i].AsSpan(0, fileLength);
            if (!fileLookup.TryGetValue(file, out var fileId))
            {
                fileId = files.Count;
                var path = fileLength == ids[i].Length ? ids[i] : file.ToString();
                files.Add(path);
                fileIds.Add(path, fileId);
            }

            fileOf[i] = fileId;
            indexOf[i] = index;
        }

        var fileRank = RankOrdinal(files);
        var keys = new long[n];
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            keys[i] = CanonicalKey(fileRank[fileOf[i]], indexOf[i]);
            order[i] = i;
        }

        Array.Sort(keys, order);
        for (var start = 0; start < n;)
        {
            var end = start + 1;
            while (end < n && keys[end] == keys[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                Array.Sort(order, start, end - start, Comparer<int>.Create((a, b) => string.CompareOrdinal(ids[a], ids[b])));
            }

            start = end;
        }

        return order;
    }

    /// <summary>The rank of each string in ordinal order (equal strings do not occur).</summary>
    internal static int[] RankOrdinal(IReadOnlyList<string> values)
    {
        var sorted = new int[values.Count];
        for (var i = 0; i < sorted.Length; i++)
        {
            sorted[i] = i;
        }

        Array.Sort(sorted, Comparer<int>.Create((a, b) => string.CompareOrdinal(values[a], values[b])));
        var rank = new int[values.Count];
        for (var r = 0; r < sorted.Length; r++)
        {
            rank[sorted[r]] = r;
        }

        return rank;
    }

    /// <summary>A sortable key for (file rank, index) that keeps negative indexes below non-negative ones.</summary>
    internal static long CanonicalKey(int fileRank, int index) => ((long)fileRank << 32) | (uint)(index ^ int.MinValue);

    /// <summary>(length of the path part, index) of "path#index"; (whole length, 0) for other ids.</summary>
    private static (int FileLength, int Index) SplitId(string id)
    {
        var hash = id.LastIndexOf('#');
        return hash > 0 && int.TryParse(id.AsSpan(hash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            ? (hash, index)
            : (id.Length, 0);
    }

    /// <summary>The definer -> users rows of user -> definers rows, by a counting sort on the definer.</summary>
    private static (int[] Start, int[] Users, int[] Edges) Reverse(int n, int[] definerStart, int[] definers)
    {
        var start = new int[n + 1];
        var edgeCount = definerStart[n];
        for (var e = 0; e < edgeCount; e++)
        {
            start[definers[e] + 1]++;
        }

        for (var v = 0; v < n; v++)
        {
            start[v + 1] += start[v];
        }

        var users = new int[edgeCount];
        var edges = new int[edgeCount];
        var fill = new int[n];
        Array.Copy(start, fill, n);
        for (var user = 0; user < n; user++)
        {
            for (var e = definerStart[user]; e < definerStart[user + 1]; e++)
            {
                var slot = fill[definers[e]]++;
                users[slot] = user;
                edges[slot] = e;
            }
        }

        return (start, users, edges);
    }

    /// <summary>
    /// Collects edges into pre-sized arrays and lays them out as rows by user. Self-edges are dropped, and so
    /// is a (user, definer) pair seen before (the first symbol is kept): while each user's edges arrive
    /// together (the atom graph builder's case) one marker per definer finds repeats; once a user comes back
    /// after another user's edges, an exact set of pairs takes over.
    /// </summary>
    internal sealed class EdgeRowsBuilder
    {
        private readonly int _nodeCount;
        private readonly int[] _markedBy;
        private readonly bool[] _userDone;
        private int[] _from;
        private int[] _to;
        private string[] _symbols;
        private int _count;
        private int _currentUser = -1;
        private bool _sortedByUser = true;
        private HashSet<long>? _seenPairs;

        public EdgeRowsBuilder(int nodeCount, int expectedEdges)
        {
            _nodeCount = nodeCount;
            _markedBy = new int[nodeCount];
            _userDone = new bool[nodeCount];
            var capacity = Math.Max(expectedEdges, 4);
            _from = new int[capacity];
            _to = new int[capacity];
            _symbols = new string[capacity];
        }

        public void Add(int from, int to, string symbol)
        {
            if ((uint)from >= (uint)_nodeCount || (uint)to >= (uint)_nodeCount)
            {
                throw new ArgumentOutOfRangeException(nameof(from), $"Edge {from} -> {to} is outside the {_nodeCount} nodes.");
            }

            if (from == to)
            {
                return;
            }

            if (from != _currentUser)
            {
                if (_currentUser >= 0)
                {
                    _userDone[_currentUser] = true;
                    _sortedByUser &= from > _currentUser;
                }

                if (_userDone[from] && _seenPairs is null)
                {
                    StartPairSet();
                }

                _currentUser = from;
            }

            if (_seenPairs is null)
            {
                // from + 1, so the zeroed array means "no user yet".
                if (_markedBy[to] == from + 1)
                {
                    return;
                }

                _markedBy[to] = from + 1;
            }
            else if (!_seenPairs.Add(((long)from * _nodeCount) + to))
            {
                return;
            }

            if (_count == _from.Length)
            {
                Grow();
            }

            _from[_count] = from;
            _to[_count] = to;
            _symbols[_count] = symbol;
            _count++;
        }

        public AtomGraph Build(string[] ids, int[] canonical)
        {
            var n = _nodeCount;
            var start = new int[n + 1];
            for (var e = 0; e < _count; e++)
            {
                start[_from[e] + 1]++;
            }

            for (var v = 0; v < n; v++)
            {
                start[v + 1] += start[v];
            }

            int[] definers;
            string[] symbols;
            if (_sortedByUser)
            {
                // Already rows by user (the usual case: atoms in file order): keep the arrays as they are.
                definers = _to;
                symbols = _symbols;
            }
            else
            {
                // A stable counting sort by user keeps each user's edges in the order they were added.
                definers = new int[_count];
                symbols = new string[_count];
                var fill = new int[n];
                Array.Copy(start, fill, n);
                for (var e = 0; e < _count; e++)
                {
                    var slot = fill[_from[e]]++;
                    definers[slot] = _to[e];
                    symbols[slot] = _symbols[e];
                }
            }

            return new AtomGraph(ids, start, definers, symbols, canonical);
        }

        private void StartPairSet()
        {
            _seenPairs = new HashSet<long>(_count * 2);
            for (var e = 0; e < _count; e++)
            {
                _seenPairs.Add(((long)_from[e] * _nodeCount) + _to[e]);
            }
        }

        private void Grow()
        {
            var capacity = _from.Length * 2;
            Array.Resize(ref _from, capacity);
            Array.Resize(ref _to, capacity);
            Array.Resize(ref _symbols, capacity);
        }
    }

    private sealed class AtomEdgeList(AtomGraph graph) : IReadOnlyList<AtomEdge>
    {
        public AtomEdge this[int index] => (uint)index < (uint)graph.EdgeCount
            ? graph.EdgeAt(index)
            : throw new ArgumentOutOfRangeException(nameof(index));

        public int Count => graph.EdgeCount;

        public IEnumerator<AtomEdge> GetEnumerator()
        {
            for (var user = 0; user < graph._ids.Length; user++)
            {
                for (var e = graph._definerStart[user]; e < graph._definerStart[user + 1]; e++)
                {
                    yield return graph.EdgeAt(user, e);
                }
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
