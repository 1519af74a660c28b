using Mge.CodeIntelligence.Atomization;
using QuikGraph;
using QuikGraph.Algorithms.ConnectedComponents;

namespace Mge.CodeIntelligence.Graph;

/// <summary>
/// Orders atoms into waves. Wave = topological level (the longest chain of definers below an atom), and a
/// level larger than the maximum wave size is split into consecutive waves (atoms of one level have no
/// edges between them, so the split keeps the order). Strongly connected components (QuikGraph) are
/// reported as cycles and broken deterministically: members are ordered by (file, index) and every edge
/// inside the component whose definer comes later in that order is dropped and listed. Invariant: every
/// atom is in exactly one wave, and every edge's definer is in an earlier wave than its user, except the
/// listed broken edges.
/// </summary>
/// <remarks>
/// Linear in atoms plus edges: Kahn's algorithm by levels on the graph's integer rows places every atom
/// that is not on or downstream of a cycle. The atoms it cannot place are peeled again from the users'
/// side, and only what remains (the cycles and the atoms between cycles) goes to QuikGraph's strongly
/// connected components algorithm (on integer vertices); the cycles are broken, then the levels of the
/// whole remainder are finished on integer arrays. A DAG never builds a QuikGraph graph at all.
/// </remarks>
public static class WavePlanner
{
    // QuikGraph's depth-first search recurses once per vertex on a path; a long chain in a big cyclic
    // remainder would overflow a default 1 MB stack, so only a remainder this big runs on a thread with a
    // larger stack.
    private const int LargeRemainderThreshold = 20_000;
    private const int LargeStackBytes = 1024 * 1024 * 1024;

    public static WavePlan Plan(IReadOnlyList<Atom> atoms, int maxWaveSize) =>
        Plan(AtomGraphBuilder.Build(atoms), maxWaveSize);

    /// <summary>Plans raw ids and edges (benchmarks, stored graphs); see <see cref="AtomGraph.FromEdges"/>.</summary>
    public static WavePlan Plan(IReadOnlyList<string> atomIds, IEnumerable<AtomEdge> edges, int maxWaveSize) =>
        Plan(AtomGraph.FromEdges(atomIds, edges), maxWaveSize);

    public static WavePlan Plan(AtomGraph graph, int maxWaveSize)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWaveSize, 1);

        var level = new int[graph.AtomCount];
        var pending = new int[graph.AtomCount];
        var placed = KahnLevels(graph, level, pending, out var levelCount);
        IReadOnlyList<CycleReport> cycles = [];
        if (placed < graph.AtomCount)
        {
            var remainder = new CyclicRemainder(graph, level, pending, graph.AtomCount - placed);
            cycles = remainder.BreakCycles();
            levelCount = Math.Max(levelCount, remainder.FinishLevels());
        }

        return new WavePlan(BuildWaves(graph, level, levelCount, maxWaveSize), graph.Edges, cycles);
    }

    /// <summary>
    /// Kahn's algorithm by levels: round k places the atoms whose definers are all placed, at level k.
    /// Atoms on or downstream of a cycle keep level -1; <paramref name="pending"/> is then, for each of them,
    /// the number of its definers that are also unplaced. Returns how many atoms were placed.
    /// </summary>
    private static int KahnLevels(AtomGraph graph, int[] level, int[] pending, out int levelCount)
    {
        var n = graph.AtomCount;
        var definerStart = graph.DefinerStart;
        var userStart = graph.UserStart;
        var users = graph.Users;
        var queue = new int[n];
        var tail = 0;
        for (var v = 0; v < n; v++)
        {
            pending[v] = definerStart[v + 1] - definerStart[v];
            level[v] = -1;
            if (pending[v] == 0)
            {
                queue[tail++] = v;
            }
        }

        var head = 0;
        levelCount = 0;
        while (head < tail)
        {
            var levelEnd = tail;
            for (; head < levelEnd; head++)
            {
                var v = queue[head];
                level[v] = levelCount;
                for (var i = userStart[v]; i < userStart[v + 1]; i++)
                {
                    var user = users[i];
                    if (--pending[user] == 0)
                    {
                        queue[tail++] = user;
                    }
                }
            }

            levelCount++;
        }

        return tail;
    }

    /// <summary>Waves in level order; within a level, atoms in canonical order (file, index), split by the maximum size.</summary>
    private static List<IReadOnlyList<string>> BuildWaves(AtomGraph graph, int[] level, int levelCount, int maxWaveSize)
    {
        // A counting sort by level over the canonical order keeps each level in canonical order.
        var start = new int[levelCount + 1];
        foreach (var l in level)
        {
            start[l + 1]++;
        }

        for (var l = 0; l < levelCount; l++)
        {
            start[l + 1] += start[l];
        }

        var byLevel = new int[level.Length];
        var fill = new int[levelCount];
        Array.Copy(start, fill, levelCount);
        foreach (var v in graph.CanonicalOrder)
        {
            byLevel[fill[level[v]]++] = v;
        }

        var ids = graph.Ids;
        var waves = new List<IReadOnlyList<string>>(levelCount);
        for (var l = 0; l < levelCount; l++)
        {
            for (var first = start[l]; first < start[l + 1];)
            {
                var count = Math.Min(maxWaveSize, start[l + 1] - first);
                var wave = new string[count];
                for (var i = 0; i < count; i++)
                {
                    wave[i] = ids[byLevel[first + i]];
                }

                waves.Add(wave);
                first += count;
            }
        }

        return waves;
    }

    /// <summary>
    /// The atoms Kahn's algorithm could not place (on or downstream of a cycle), renumbered 0..r-1 in
    /// canonical order, with the edges among them. No edge leads from a placed atom into the remainder's
    /// reach, so its strongly connected components are exactly the graph's non-trivial ones.
    /// </summary>
    private sealed class CyclicRemainder
    {
        private readonly AtomGraph _graph;
        private readonly int[] _level;
        private readonly int[] _nodes;
        private readonly int[] _localOf;

        // Edges among the remainder, rows by local user: local definer and the graph's edge index.
        private readonly int[] _edgeStart;
        private readonly int[] _edgeDefiner;
        private readonly int[] _edgeIndex;
        private readonly bool[] _broken;

        public CyclicRemainder(AtomGraph graph, int[] level, int[] pending, int count)
        {
            _graph = graph;
            _level = level;
            _nodes = new int[count];
            _localOf = new int[graph.AtomCount];
            var next = 0;
            foreach (var v in graph.CanonicalOrder)
            {
                if (level[v] < 0)
                {
                    _localOf[v] = next;
                    _nodes[next++] = v;
                }
            }

            // After Kahn, pending[v] counts exactly v's definers inside the remainder.
            _edgeStart = new int[count + 1];
            for (var i = 0; i < count; i++)
            {
                _edgeStart[i + 1] = _edgeStart[i] + pending[_nodes[i]];
            }

            _edgeDefiner = new int[_edgeStart[count]];
            _edgeIndex = new int[_edgeStart[count]];
            _broken = new bool[_edgeStart[count]];
            var definerStart = graph.DefinerStart;
            var definers = graph.Definers;
            for (var i = 0; i < count; i++)
            {
                var slot = _edgeStart[i];
                var v = _nodes[i];
                for (var e = definerStart[v]; e < definerStart[v + 1]; e++)
                {
                    if (level[definers[e]] < 0)
                    {
                        _edgeDefiner[slot] = _localOf[definers[e]];
                        _edgeIndex[slot++] = e;
                    }
                }
            }
        }

        /// <summary>
        /// Finds the strongly connected components, marks each non-trivial one's edges whose definer comes
        /// later in canonical order as broken, and reports the cycles ordered by their smallest id.
        /// </summary>
        public IReadOnlyList<CycleReport> BreakCycles()
        {
            var r = _nodes.Length;
            var inCore = Core(out var coreSize);
            var componentCount = 0;
            var component = coreSize > LargeRemainderThreshold
                ? OnLargeStack(() => Components(inCore, out componentCount))
                : Components(inCore, out componentCount);

            // Members of each component in canonical order: the local numbering already is canonical.
            // Atoms outside the core are single-atom components (-1).
            var size = new int[componentCount];
            foreach (var c in component)
            {
                if (c >= 0)
                {
                    size[c]++;
                }
            }

            var members = new Dictionary<int, List<int>>();
            var rank = new int[r];
            for (var i = 0; i < r; i++)
            {
                var c = component[i];
                if (c >= 0 && size[c] > 1)
                {
                    if (!members.TryGetValue(c, out var list))
                    {
                        list = new List<int>(size[c]);
                        members.Add(c, list);
                    }

                    rank[i] = list.Count;
                    list.Add(i);
                }
            }

            var brokenByComponent = new Dictionary<int, List<int>>();
            for (var user = 0; user < r; user++)
            {
                var c = component[user];
                if (c < 0 || size[c] < 2)
                {
                    continue;
                }

                for (var slot = _edgeStart[user]; slot < _edgeStart[user + 1]; slot++)
                {
                    var definer = _edgeDefiner[slot];
                    if (component[definer] == c && rank[definer] > rank[user])
                    {
                        _broken[slot] = true;
                        if (!brokenByComponent.TryGetValue(c, out var list))
                        {
                            list = [];
                            brokenByComponent.Add(c, list);
                        }

                        list.Add(slot);
                    }
                }
            }

            var ids = _graph.Ids;
            var cycles = new List<(string First, CycleReport Report)>(members.Count);
            foreach (var (c, list) in members)
            {
                var atomIds = new string[list.Count];
                var first = ids[_nodes[list[0]]];
                for (var i = 0; i < list.Count; i++)
                {
                    atomIds[i] = ids[_nodes[list[i]]];
                    if (string.CompareOrdinal(atomIds[i], first) < 0)
                    {
                        first = atomIds[i];
                    }
                }

                var slots = brokenByComponent.GetValueOrDefault(c) ?? [];
                slots.Sort((a, b) =>
                {
                    var byUser = rank[UserOfSlot(a)].CompareTo(rank[UserOfSlot(b)]);
                    return byUser != 0 ? byUser : rank[_edgeDefiner[a]].CompareTo(rank[_edgeDefiner[b]]);
                });
                var broken = new AtomEdge[slots.Count];
                for (var i = 0; i < slots.Count; i++)
                {
                    broken[i] = _graph.EdgeAt(_nodes[UserOfSlot(slots[i])], _edgeIndex[slots[i]]);
                }

                cycles.Add((first, new CycleReport(atomIds, broken)));
            }

            cycles.Sort((a, b) => string.CompareOrdinal(a.First, b.First));
            return cycles.ConvertAll(c => c.Report);
        }

        /// <summary>
        /// Longest-path levels of the remainder over the kept edges: an atom's level is one above its highest
        /// definer, placed or not. Returns the level count (highest level + 1).
        /// </summary>
        public int FinishLevels()
        {
            var r = _nodes.Length;
            var pending = new int[r];
            var usersStart = new int[r + 1];
            for (var user = 0; user < r; user++)
            {
                for (var slot = _edgeStart[user]; slot < _edgeStart[user + 1]; slot++)
                {
                    if (!_broken[slot])
                    {
                        pending[user]++;
                        usersStart[_edgeDefiner[slot] + 1]++;
                    }
                }
            }

            for (var i = 0; i < r; i++)
            {
                usersStart[i + 1] += usersStart[i];
            }

            var users = new int[usersStart[r]];
            var fill = new int[r];
            Array.Copy(usersStart, fill, r);
            for (var user = 0; user < r; user++)
            {
                for (var slot = _edgeStart[user]; slot < _edgeStart[user + 1]; slot++)
                {
                    if (!_broken[slot])
                    {
                        users[fill[_edgeDefiner[slot]]++] = user;
                    }
                }
            }

            // Start from the definers Kahn placed; the remainder's own definers raise it as they finish.
            var local = new int[r];
            var definerStart = _graph.DefinerStart;
            var definers = _graph.Definers;
            var queue = new int[r];
            var tail = 0;
            for (var i = 0; i < r; i++)
            {
                var v = _nodes[i];
                var floor = 0;
                for (var e = definerStart[v]; e < definerStart[v + 1]; e++)
                {
                    floor = Math.Max(floor, _level[definers[e]] + 1);
                }

                local[i] = floor;
                if (pending[i] == 0)
                {
                    queue[tail++] = i;
                }
            }

            var top = 0;
            for (var head = 0; head < tail; head++)
            {
                var definer = queue[head];
                top = Math.Max(top, local[definer] + 1);
                _level[_nodes[definer]] = local[definer];
                for (var k = usersStart[definer]; k < usersStart[definer + 1]; k++)
                {
                    var user = users[k];
                    local[user] = Math.Max(local[user], local[definer] + 1);
                    if (--pending[user] == 0)
                    {
                        queue[tail++] = user;
                    }
                }
            }

            if (tail != r)
            {
                throw new InvalidOperationException($"Internal error: {r - tail} atoms remained in a cycle after the components were broken.");
            }

            return top;
        }

        private int UserOfSlot(int slot)
        {
            var low = 0;
            var high = _nodes.Length - 1;
            while (low < high)
            {
                var mid = (int)(((uint)low + (uint)high + 1) >> 1);
                if (_edgeStart[mid] <= slot)
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

        /// <summary>
        /// The remainder minus the atoms that nothing in it depends on, peeled repeatedly (Kahn's algorithm
        /// from the users' side): what stays is the cycles and the atoms on paths between cycles, which is all
        /// the strongly connected components algorithm needs to see. Atoms only downstream of cycles (usually
        /// most of the remainder) are peeled.
        /// </summary>
        private bool[] Core(out int coreSize)
        {
            var r = _nodes.Length;
            var userCount = new int[r];
            foreach (var definer in _edgeDefiner)
            {
                userCount[definer]++;
            }

            var queue = new int[r];
            var tail = 0;
            for (var i = 0; i < r; i++)
            {
                if (userCount[i] == 0)
                {
                    queue[tail++] = i;
                }
            }

            for (var head = 0; head < tail; head++)
            {
                var user = queue[head];
                for (var slot = _edgeStart[user]; slot < _edgeStart[user + 1]; slot++)
                {
                    if (--userCount[_edgeDefiner[slot]] == 0)
                    {
                        queue[tail++] = _edgeDefiner[slot];
                    }
                }
            }

            var inCore = new bool[r];
            coreSize = 0;
            for (var i = 0; i < r; i++)
            {
                if (userCount[i] > 0)
                {
                    inCore[i] = true;
                    coreSize++;
                }
            }

            return inCore;
        }

        /// <summary>QuikGraph's strongly connected components of the core (integer vertices); -1 outside it.</summary>
        private int[] Components(bool[] inCore, out int componentCount)
        {
            var r = _nodes.Length;
            var quik = new AdjacencyGraph<int, SEdge<int>>(allowParallelEdges: true, capacity: r);
            for (var i = 0; i < r; i++)
            {
                if (inCore[i])
                {
                    quik.AddVertex(i);
                }
            }

            for (var user = 0; user < r; user++)
            {
                if (!inCore[user])
                {
                    continue;
                }

                for (var slot = _edgeStart[user]; slot < _edgeStart[user + 1]; slot++)
                {
                    if (inCore[_edgeDefiner[slot]])
                    {
                        quik.AddEdge(new SEdge<int>(user, _edgeDefiner[slot]));
                    }
                }
            }

            var algorithm = new StronglyConnectedComponentsAlgorithm<int, SEdge<int>>(quik);
            algorithm.Compute();
            componentCount = algorithm.ComponentCount;
            var result = new int[r];
            Array.Fill(result, -1);
            foreach (var (vertex, id) in algorithm.Components)
            {
                result[vertex] = id;
            }

            return result;
        }

        private static T OnLargeStack<T>(Func<T> work)
        {
            T? result = default;
            Exception? failure = null;
            var thread = new Thread(
                () =>
                {
                    try
                    {
                        result = work();
                    }
                    catch (Exception ex)
                    {
                        // Rethrown on the caller's thread below, with its original stack trace.
                        failure = ex;
                    }
                },
                LargeStackBytes)
            {
                Name = "mge-wave-planner-scc",
            };
            thread.Start();
            thread.Join();
            if (failure is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
            }

            return result!;
        }
    }
}
