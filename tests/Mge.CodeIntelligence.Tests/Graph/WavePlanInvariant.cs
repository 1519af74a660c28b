using Mge.CodeIntelligence.Graph;

namespace Mge.CodeIntelligence.Tests.Graph;

/// <summary>Asserts the wave plan contract: each atom exactly once; every edge's definer in an earlier wave unless broken in a reported cycle.</summary>
internal static class WavePlanInvariant
{
    public static void Check(IReadOnlyCollection<string> ids, IEnumerable<AtomEdge> edges, WavePlan plan)
    {
        var waveOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var w = 0; w < plan.Waves.Count; w++)
        {
            foreach (var id in plan.Waves[w])
            {
                Assert.True(waveOf.TryAdd(id, w), $"{id} appears in two waves");
            }
        }

        Assert.Equal(ids.Count, waveOf.Count);
        Assert.Equal(ids.Count, plan.AtomCount);
        Assert.All(ids, id => Assert.True(waveOf.ContainsKey(id), $"{id} is in no wave"));

        var cycleOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < plan.Cycles.Count; c++)
        {
            foreach (var id in plan.Cycles[c].AtomIds)
            {
                Assert.True(cycleOf.TryAdd(id, c), $"{id} is in two cycles");
            }
        }

        var broken = plan.Cycles.SelectMany(c => c.BrokenEdges).Select(e => (e.From, e.To)).ToHashSet();
        foreach (var edge in edges)
        {
            if (edge.From == edge.To)
            {
                continue;
            }

            if (waveOf[edge.To] < waveOf[edge.From])
            {
                continue;
            }

            Assert.True(
                broken.Contains((edge.From, edge.To)) && cycleOf.TryGetValue(edge.From, out var c1) && cycleOf.TryGetValue(edge.To, out var c2) && c1 == c2,
                $"edge {edge.From} -> {edge.To} is not ordered and not a broken cycle edge");
        }
    }
}
