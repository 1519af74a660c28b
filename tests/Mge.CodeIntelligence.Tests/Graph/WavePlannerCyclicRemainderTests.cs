using Mge.CodeIntelligence.Graph;

namespace Mge.CodeIntelligence.Tests.Graph;

/// <summary>
/// Property tests for the planner's two-stage path (Kahn's algorithm first, strongly connected components
/// only on what it cannot place): random DAGs with several disjoint planted cycles, cycles downstream of
/// cycles, atoms between cycles and atoms downstream of them, checked against brute-force oracles computed
/// from the definition (reachability for components, longest paths for levels).
/// </summary>
public sealed class WavePlannerCyclicRemainderTests
{
    [Theory]
    [InlineData(1, 60, 0, false)]
    [InlineData(2, 80, 1, false)]
    [InlineData(3, 120, 3, false)]
    [InlineData(4, 150, 5, true)]
    [InlineData(5, 200, 8, true)]
    [InlineData(6, 250, 4, true)]
    [InlineData(7, 40, 6, true)]
    [InlineData(8, 300, 10, true)]
    public void Cycles_and_levels_match_the_definitions(int seed, int nodes, int plantedCycles, bool chainCycles)
    {
        var (ids, edges) = RandomGraph(seed, nodes, plantedCycles, chainCycles);
        var plan = WavePlanner.Plan(ids, edges, maxWaveSize: int.MaxValue);

        WavePlanInvariant.Check(ids, edges, plan);

        // Reported cycles are exactly the non-trivial strongly connected components, members in (file, index) order.
        var expectedComponents = StronglyConnectedComponentsByReachability(ids, edges)
            .Where(c => c.Count > 1)
            .Select(c => string.Join(",", c.OrderBy(id => id, CanonicalOrder)))
            .Order(StringComparer.Ordinal)
            .ToList();
        var reported = plan.Cycles.Select(c => string.Join(",", c.AtomIds)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expectedComponents, reported);
        if (plantedCycles > 0)
        {
            Assert.NotEmpty(plan.Cycles);
        }

        // Cycles are listed by their smallest id.
        Assert.Equal(plan.Cycles.Select(c => c.AtomIds.Min(StringComparer.Ordinal)).Order(StringComparer.Ordinal), plan.Cycles.Select(c => c.AtomIds.Min(StringComparer.Ordinal)));

        // Broken edges: exactly the edges inside a component whose definer comes later in (file, index) order,
        // listed by (user position, definer position).
        foreach (var cycle in plan.Cycles)
        {
            var position = cycle.AtomIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
            var expectedBroken = edges
                .Where(e => position.ContainsKey(e.From) && position.ContainsKey(e.To) && position[e.To] > position[e.From])
                .DistinctBy(e => (e.From, e.To))
                .OrderBy(e => position[e.From])
                .ThenBy(e => position[e.To])
                .ToList();
            Assert.Equal(expectedBroken, cycle.BrokenEdges);
        }

        // Wave = longest chain of kept definers below the atom (with no size limit, waves are the levels).
        var broken = plan.Cycles.SelectMany(c => c.BrokenEdges).Select(e => (e.From, e.To)).ToHashSet();
        var expectedLevel = LongestPathLevels(ids, edges.Where(e => e.From != e.To && !broken.Contains((e.From, e.To))).ToList());
        for (var w = 0; w < plan.Waves.Count; w++)
        {
            Assert.Equal(plan.Waves[w].OrderBy(id => id, CanonicalOrder), plan.Waves[w]);
            Assert.All(plan.Waves[w], id => Assert.Equal(expectedLevel[id], w));
        }
    }

    [Theory]
    [InlineData(11, 200, 6)]
    [InlineData(12, 400, 12)]
    public void Plans_do_not_depend_on_input_order_and_respect_the_wave_size(int seed, int nodes, int plantedCycles)
    {
        var (ids, edges) = RandomGraph(seed, nodes, plantedCycles, chainCycles: true);
        var plan = WavePlanner.Plan(ids, edges, maxWaveSize: 7);
        WavePlanInvariant.Check(ids, edges, plan);
        Assert.All(plan.Waves, w => Assert.InRange(w.Count, 1, 7));

        var random = new Random(seed);
        var shuffledIds = ids.OrderBy(_ => random.Next()).ToArray();
        var shuffledEdges = edges.OrderBy(_ => random.Next()).ToList();
        var again = WavePlanner.Plan(shuffledIds, shuffledEdges, maxWaveSize: 7);

        // Symbols of repeated (From, To) pairs may differ with the order (the first one is kept), so compare pairs.
        Assert.Equal(plan.Waves.Select(w => string.Join(",", w)), again.Waves.Select(w => string.Join(",", w)));
        Assert.Equal(
            plan.Cycles.Select(c => string.Join(",", c.AtomIds) + "|" + string.Join(",", c.BrokenEdges.Select(e => e.From + ">" + e.To))),
            again.Cycles.Select(c => string.Join(",", c.AtomIds) + "|" + string.Join(",", c.BrokenEdges.Select(e => e.From + ">" + e.To))));
    }

    [Fact]
    public void A_cycle_downstream_of_a_cycle_through_an_atom_between_them_is_two_cycles()
    {
        // a0 <-> a1 (cycle A); m uses a1 (between); b0 <-> b1 (cycle B) and b0 uses m; d uses b1 (downstream only).
        // Breaking drops each cycle's edge to its later member, so a1 follows a0 and b1 follows b0.
        string[] ids = ["a.py#0", "a.py#1", "m.py#0", "b.py#0", "b.py#1", "d.py#0"];
        AtomEdge[] edges =
        [
            new("a.py#0", "a.py#1", "x"), new("a.py#1", "a.py#0", "y"),
            new("m.py#0", "a.py#1", "y"),
            new("b.py#0", "b.py#1", "q"), new("b.py#1", "b.py#0", "p"), new("b.py#0", "m.py#0", "m"),
            new("d.py#0", "b.py#1", "q"),
        ];
        var plan = WavePlanner.Plan(ids, edges, maxWaveSize: 10);
        Assert.Equal(["a.py#0,a.py#1", "b.py#0,b.py#1"], plan.Cycles.Select(c => string.Join(",", c.AtomIds)));
        Assert.Equal([new AtomEdge("a.py#0", "a.py#1", "x")], plan.Cycles[0].BrokenEdges);
        Assert.Equal([new AtomEdge("b.py#0", "b.py#1", "q")], plan.Cycles[1].BrokenEdges);
        Assert.Equal(
            ["a.py#0", "a.py#1", "m.py#0", "b.py#0", "b.py#1", "d.py#0"],
            plan.Waves.Select(w => Assert.Single(w)));
        WavePlanInvariant.Check(ids, edges, plan);
    }

    /// <summary>
    /// A random DAG (users depend on earlier atoms) over ids in a few files, plus planted cycles on disjoint
    /// random atom sets. With <paramref name="chainCycles"/>, each planted cycle also depends on the previous
    /// one, directly or through an atom between them, so cycles lie downstream of cycles.
    /// </summary>
    private static (string[] Ids, List<AtomEdge> Edges) RandomGraph(int seed, int nodes, int plantedCycles, bool chainCycles)
    {
        var random = new Random(seed);
        var ids = Enumerable.Range(0, nodes).Select(i => $"f{random.Next(5)}.py#{i}").ToArray();
        var edges = new List<AtomEdge>();
        for (var user = 1; user < nodes; user++)
        {
            var count = random.Next(4);
            for (var k = 0; k < count; k++)
            {
                edges.Add(new AtomEdge(ids[user], ids[random.Next(user)], "d" + edges.Count));
            }
        }

        var free = Enumerable.Range(0, nodes).OrderBy(_ => random.Next()).ToList();
        var cycles = new List<int[]>();
        for (var c = 0; c < plantedCycles && free.Count >= 6; c++)
        {
            var length = random.Next(2, Math.Min(6, free.Count / 2) + 1);
            var members = free.Take(length).ToArray();
            free.RemoveRange(0, length);
            for (var i = 0; i < length; i++)
            {
                edges.Add(new AtomEdge(ids[members[i]], ids[members[(i + 1) % length]], "c" + c));
            }

            // Sometimes a chord, so a component is more than a simple ring.
            if (length > 3 && random.Next(2) == 0)
            {
                edges.Add(new AtomEdge(ids[members[0]], ids[members[2]], "chord" + c));
            }

            if (chainCycles && cycles.Count > 0)
            {
                var previous = cycles[^1];
                if (random.Next(2) == 0 && free.Count > 0)
                {
                    var between = free[0];
                    free.RemoveAt(0);
                    edges.Add(new AtomEdge(ids[between], ids[previous[random.Next(previous.Length)]], "between" + c));
                    edges.Add(new AtomEdge(ids[members[random.Next(length)]], ids[between], "via" + c));
                }
                else
                {
                    edges.Add(new AtomEdge(ids[members[random.Next(length)]], ids[previous[random.Next(previous.Length)]], "after" + c));
                }
            }

            cycles.Add(members);
        }

        // A repeated pair with another symbol and a self-edge: both must be ignored.
        if (edges.Count > 0)
        {
            edges.Add(edges[0] with { Symbol = "again" });
        }

        edges.Add(new AtomEdge(ids[0], ids[0], "self"));
        return (ids, edges);
    }

    private static readonly Comparer<string> CanonicalOrder = Comparer<string>.Create((a, b) =>
    {
        var (fileA, indexA) = Split(a);
        var (fileB, indexB) = Split(b);
        var byFile = string.CompareOrdinal(fileA, fileB);
        return byFile != 0 ? byFile : indexA.CompareTo(indexB);
    });

    private static (string File, int Index) Split(string id)
    {
        var hash = id.LastIndexOf('#');
        return (id[..hash], int.Parse(id[(hash + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Components from the definition: u and v share one when each reaches the other.</summary>
    private static List<List<string>> StronglyConnectedComponentsByReachability(string[] ids, List<AtomEdge> edges)
    {
        var next = ids.ToDictionary(id => id, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var edge in edges)
        {
            next[edge.From].Add(edge.To);
        }

        var reach = ids.ToDictionary(id => id, id => Reachable(id, next), StringComparer.Ordinal);
        var assigned = new HashSet<string>(StringComparer.Ordinal);
        var components = new List<List<string>>();
        foreach (var id in ids)
        {
            if (assigned.Add(id))
            {
                var component = new List<string> { id };
                foreach (var other in reach[id])
                {
                    if (other != id && reach[other].Contains(id) && assigned.Add(other))
                    {
                        component.Add(other);
                    }
                }

                components.Add(component);
            }
        }

        return components;
    }

    private static HashSet<string> Reachable(string start, Dictionary<string, List<string>> next)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var stack = new Stack<string>([start]);
        while (stack.TryPop(out var node))
        {
            foreach (var to in next[node])
            {
                if (seen.Add(to))
                {
                    stack.Push(to);
                }
            }
        }

        return seen;
    }

    /// <summary>Level 0 for atoms with no definer, else one more than the highest definer's level (memoised recursion on a DAG).</summary>
    private static Dictionary<string, int> LongestPathLevels(string[] ids, List<AtomEdge> keptEdges)
    {
        var definers = ids.ToDictionary(id => id, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var edge in keptEdges)
        {
            definers[edge.From].Add(edge.To);
        }

        var level = new Dictionary<string, int>(StringComparer.Ordinal);
        int LevelOf(string id)
        {
            if (level.TryGetValue(id, out var known))
            {
                return known;
            }

            var value = definers[id].Count == 0 ? 0 : definers[id].Max(LevelOf) + 1;
            level[id] = value;
            return value;
        }

        foreach (var id in ids)
        {
            LevelOf(id);
        }

        return level;
    }
}
