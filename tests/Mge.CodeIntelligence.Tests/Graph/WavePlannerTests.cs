using Mge.CodeIntelligence.Atomization;
using Mge.CodeIntelligence.Graph;
using static Mge.CodeIntelligence.Tests.Graph.TestAtoms;

namespace Mge.CodeIntelligence.Tests.Graph;

public sealed class WavePlannerTests
{
    [Fact]
    public void Seed_example_a_b_c_gives_three_waves()
    {
        // C uses B, B uses A: A <- B <- C.
        var plan = WavePlanner.Plan(
            [Make("m.py", 2, uses: ["B"]), Make("m.py", 1, defines: ["B"], uses: ["A"]), Make("m.py", 0, defines: ["A"])],
            maxWaveSize: 10);
        Assert.Equal(3, plan.Waves.Count);
        Assert.Equal(["m.py#0"], plan.Waves[0]);
        Assert.Equal(["m.py#1"], plan.Waves[1]);
        Assert.Equal(["m.py#2"], plan.Waves[2]);
        Assert.Empty(plan.Cycles);
        Assert.Equal(2, plan.Edges.Count);
    }

    [Fact]
    public void Independent_atoms_share_a_wave_split_by_the_maximum_size()
    {
        var ids = Enumerable.Range(0, 7).Select(i => $"f.js#{i}").ToList();
        var plan = WavePlanner.Plan(ids, [], maxWaveSize: 3);
        Assert.Equal([3, 3, 1], plan.Waves.Select(w => w.Count));
        Assert.Equal(ids, plan.Waves.SelectMany(w => w));
    }

    [Fact]
    public void Cycles_are_reported_and_broken_deterministically()
    {
        // a.py#0 <-> a.py#1 and b.py#0 -> b.py#1 -> b.py#2 -> b.py#0, plus an outside user of the cycle.
        AtomEdge[] edges =
        [
            new("a.py#0", "a.py#1", "g"), new("a.py#1", "a.py#0", "f"),
            new("b.py#0", "b.py#1", "y"), new("b.py#1", "b.py#2", "z"), new("b.py#2", "b.py#0", "x"),
            new("c.py#0", "a.py#0", "f"),
        ];
        string[] ids = ["c.py#0", "b.py#2", "b.py#1", "b.py#0", "a.py#1", "a.py#0"];
        var plan = WavePlanner.Plan(ids, edges, maxWaveSize: 10);

        Assert.Equal(2, plan.Cycles.Count);
        Assert.Equal(["a.py#0", "a.py#1"], plan.Cycles[0].AtomIds);
        Assert.Equal([new AtomEdge("a.py#0", "a.py#1", "g")], plan.Cycles[0].BrokenEdges);
        Assert.Equal(["b.py#0", "b.py#1", "b.py#2"], plan.Cycles[1].AtomIds);
        Assert.Equal([new AtomEdge("b.py#0", "b.py#1", "y"), new AtomEdge("b.py#1", "b.py#2", "z")], plan.Cycles[1].BrokenEdges);
        WavePlanInvariant.Check(ids, edges, plan);

        var again = WavePlanner.Plan(ids.Reverse().ToArray(), edges.Reverse().ToArray(), maxWaveSize: 10);
        Assert.Equal(plan.Waves.Select(w => string.Join(",", w)), again.Waves.Select(w => string.Join(",", w)));
        Assert.Equal(plan.Cycles.SelectMany(c => c.BrokenEdges), again.Cycles.SelectMany(c => c.BrokenEdges));
    }

    [Fact]
    public void Bad_input_is_a_clear_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WavePlanner.Plan(["a#0"], [], maxWaveSize: 0));
        var unknown = Assert.Throws<ArgumentException>(() => WavePlanner.Plan(["a#0"], [new AtomEdge("a#0", "b#0", "x")], 5));
        Assert.Contains("b#0", unknown.Message);
        Assert.Throws<ArgumentException>(() => WavePlanner.Plan(["a#0", "a#0"], [], 5));
    }

    [Theory]
    [InlineData(1, 500, 3.0, 0.0, 7)]
    [InlineData(2, 3000, 5.0, 0.02, 50)]
    [InlineData(3, 5000, 5.0, 0.001, 1000)]
    [InlineData(4, 2000, 3.0, 0.3, 3)]
    public void Random_graphs_keep_the_wave_invariant(int seed, int nodes, double edgesPerNode, double backwardShare, int maxWaveSize)
    {
        var random = new Random(seed);
        var ids = Enumerable.Range(0, nodes).Select(i => $"f{i % 17}.py#{i}").ToArray();
        var edges = new List<AtomEdge>();
        for (var e = 0; e < nodes * edgesPerNode; e++)
        {
            var a = random.Next(nodes);
            var b = random.Next(nodes);
            // Mostly "uses something earlier" (a DAG), with a share of backward edges that create cycles.
            var (user, definer) = a > b || random.NextDouble() < backwardShare ? (a, b) : (b, a);
            edges.Add(new AtomEdge(ids[user], ids[definer], "s" + e));
        }

        var plan = WavePlanner.Plan(ids, edges, maxWaveSize);
        WavePlanInvariant.Check(ids, edges, plan);
        Assert.All(plan.Waves, w => Assert.InRange(w.Count, 1, maxWaveSize));
        if (backwardShare > 0)
        {
            Assert.NotEmpty(plan.Cycles);
        }
    }

    [Fact]
    public void A_long_chain_larger_than_the_stack_threshold_plans_without_overflow()
    {
        const int n = 60_000;
        var ids = Enumerable.Range(0, n).Select(i => $"chain.js#{i}").ToArray();
        var edges = Enumerable.Range(1, n - 1).Select(i => new AtomEdge(ids[i], ids[i - 1], "x")).ToList();
        edges.Add(new AtomEdge(ids[0], ids[n - 1], "loop"));
        var plan = WavePlanner.Plan(ids, edges, maxWaveSize: 100);
        Assert.Single(plan.Cycles);
        Assert.Equal(n, plan.Cycles[0].AtomIds.Count);
        Assert.Equal([new AtomEdge(ids[0], ids[n - 1], "loop")], plan.Cycles[0].BrokenEdges);
        Assert.Equal(n, plan.Waves.Count);
        WavePlanInvariant.Check(ids, edges, plan);
    }
}
