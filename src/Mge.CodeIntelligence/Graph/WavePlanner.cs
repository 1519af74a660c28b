using Mge.CodeIntelligence.Atomization;
using QuikGraph;
using QuikGraph.Algorithms.ConnectedComponents;

namespace Mge.CodeIntelligence.Graph;

/// <summary>
/// Orders atoms into waves. Strongly connected components (QuikGraph) are reported as cycles and broken
/// deterministically: members are ordered by (file, index) and every edge inside the component whose
/// definer comes later in that order is dropped and listed. The remaining graph is a DAG; wave = its
/// topological level (Kahn's algorithm, by levels, linear), and a level larger than the maximum wave size
/// is split into consecutive waves (atoms of one level have no edges between them, so the split keeps the
/// order). Invariant: every atom is in exactly one wave, and every edge's definer is in an earlier wave
/// than its user, except the listed broken edges.
/// </summary>
public static class WavePlanner
{
    // QuikGraph's depth-first search recurses once per vertex on a path; long dependency chains in big
    // graphs would overflow a default 1 MB stack, so big graphs are planned on a thread with a larger one.
    private const int LargeGraphNodeThreshold = 20_000;
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

        if (graph.AtomCount < LargeGraphNodeThreshold)
        {
            return PlanOnCurrentThread(graph, maxWaveSize);
        }

        WavePlan? plan = null;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    plan = PlanOnCurrentThread(graph, maxWaveSize);
                }
                catch (Exception ex)
                {
                    // Rethrown on the caller's thread below, with its original stack trace.
                    failure = ex;
                }
            },
            LargeStackBytes)
        {
            Name = "mge-wave-planner",
        };
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }

        return plan!;
    }

    private static WavePlan PlanOnCurrentThread(AtomGraph graph, int maxWaveSize)
    {
        var n = graph.AtomCount;
        var from = graph.EdgeFrom;
        var to = graph.EdgeTo;

        var component = StronglyConnectedComponents(graph, out var componentCount);
        var componentSize = new int[componentCount];
        for (var v = 0; v < n; v++)
        {
            componentSize[component[v]]++;
        }

        // Rank of each node inside its (non-trivial) component, by (file, index): the deterministic order.
        var rank = new int[n];
        var members = new Dictionary<int, List<int>>();
        for (var v = 0; v < n; v++)
        {
            var c = component[v];
            if (componentSize[c] > 1)
            {
                if (!members.TryGetValue(c, out var list))
                {
                    list = [];
                    members.Add(c, list);
                }

                list.Add(v);
            }
        }

        foreach (var list in members.Values)
        {
            list.Sort((a, b) => CompareNodes(graph, a, b));
            for (var i = 0; i < list.Count; i++)
            {
                rank[list[i]] = i;
            }
        }

        var broken = new bool[from.Length];
        var brokenByComponent = new Dictionary<int, List<int>>();
        for (var e = 0; e < from.Length; e++)
        {
            var c = component[from[e]];
            if (c == component[to[e]] && componentSize[c] > 1 && rank[to[e]] > rank[from[e]])
            {
                broken[e] = true;
                if (!brokenByComponent.TryGetValue(c, out var list))
                {
                    list = [];
                    brokenByComponent.Add(c, list);
                }

                list.Add(e);
            }
        }

        var level = TopologicalLevels(n, from, to, broken, out var levelCount);
        var waves = BuildWaves(graph, level, levelCount, maxWaveSize);
        var cycles = members
            .Select(pair => BuildCycle(graph, pair.Value, brokenByComponent.GetValueOrDefault(pair.Key) ?? [], rank))
            .OrderBy(c => c.AtomIds.Min(StringComparer.Ordinal), StringComparer.Ordinal)
            .ToList();
        return new WavePlan(waves, graph.Edges, cycles);
    }

    private static int[] StronglyConnectedComponents(AtomGraph graph, out int componentCount)
    {
        var quik = new AdjacencyGraph<int, SEdge<int>>(allowParallelEdges: false, capacity: graph.AtomCount);
        for (var v = 0; v < graph.AtomCount; v++)
        {
            quik.AddVertex(v);
        }

        var from = graph.EdgeFrom;
        var to = graph.EdgeTo;
        for (var e = 0; e < from.Length; e++)
        {
            quik.AddEdge(new SEdge<int>(from[e], to[e]));
        }

        var algorithm = new StronglyConnectedComponentsAlgorithm<int, SEdge<int>>(quik);
        algorithm.Compute();
        componentCount = algorithm.ComponentCount;
        var result = new int[graph.AtomCount];
        foreach (var (vertex, id) in algorithm.Components)
        {
            result[vertex] = id;
        }

        return result;
    }

    /// <summary>Longest-path level of every node over the kept edges (a definer's level is below its users').</summary>
    private static int[] TopologicalLevels(int n, ReadOnlySpan<int> from, ReadOnlySpan<int> to, bool[] broken, out int levelCount)
    {
        // Compressed adjacency definer -> users, and each user's count of unfinished definers.
        var pending = new int[n];
        var offsets = new int[n + 1];
        for (var e = 0; e < from.Length; e++)
        {
            if (!broken[e])
            {
                pending[from[e]]++;
                offsets[to[e] + 1]++;
            }
        }

        for (var v = 0; v < n; v++)
        {
            offsets[v + 1] += offsets[v];
        }

        var users = new int[offsets[n]];
        var fill = (int[])offsets.Clone();
        for (var e = 0; e < from.Length; e++)
        {
            if (!broken[e])
            {
                users[fill[to[e]]++] = from[e];
            }
        }

        var level = new int[n];
        var current = new List<int>();
        for (var v = 0; v < n; v++)
        {
            if (pending[v] == 0)
            {
                current.Add(v);
            }
        }

        var placed = 0;
        levelCount = 0;
        var next = new List<int>();
        while (current.Count > 0)
        {
            foreach (var v in current)
            {
                level[v] = levelCount;
                placed++;
                for (var i = offsets[v]; i < offsets[v + 1]; i++)
                {
                    if (--pending[users[i]] == 0)
                    {
                        next.Add(users[i]);
                    }
                }
            }

            levelCount++;
            (current, next) = (next, current);
            next.Clear();
        }

        if (placed != n)
        {
            throw new InvalidOperationException($"Internal error: {n - placed} atoms remained in a cycle after the components were broken.");
        }

        return level;
    }

    private static List<IReadOnlyList<string>> BuildWaves(AtomGraph graph, int[] level, int levelCount, int maxWaveSize)
    {
        var byLevel = new List<int>[levelCount];
        for (var l = 0; l < levelCount; l++)
        {
            byLevel[l] = [];
        }

        for (var v = 0; v < level.Length; v++)
        {
            byLevel[level[v]].Add(v);
        }

        var waves = new List<IReadOnlyList<string>>(levelCount);
        foreach (var nodes in byLevel)
        {
            nodes.Sort((a, b) => CompareNodes(graph, a, b));
            for (var start = 0; start < nodes.Count; start += maxWaveSize)
            {
                var count = Math.Min(maxWaveSize, nodes.Count - start);
                var wave = new string[count];
                for (var i = 0; i < count; i++)
                {
                    wave[i] = graph.AtomIds[nodes[start + i]];
                }

                waves.Add(wave);
            }
        }

        return waves;
    }

    private static CycleReport BuildCycle(AtomGraph graph, List<int> members, List<int> brokenEdges, int[] rank)
    {
        var ids = members.Select(v => graph.AtomIds[v]).ToArray();
        var edges = brokenEdges
            .OrderBy(e => rank[graph.EdgeFrom[e]])
            .ThenBy(e => rank[graph.EdgeTo[e]])
            .Select(graph.EdgeAt)
            .ToArray();
        return new CycleReport(ids, edges);
    }

    private static int CompareNodes(AtomGraph graph, int a, int b)
    {
        var byFile = string.CompareOrdinal(graph.FileOf(a), graph.FileOf(b));
        if (byFile != 0)
        {
            return byFile;
        }

        var byIndex = graph.IndexOf(a).CompareTo(graph.IndexOf(b));
        return byIndex != 0 ? byIndex : string.CompareOrdinal(graph.AtomIds[a], graph.AtomIds[b]);
    }
}
