namespace Mge.CodeIntelligence.Graph;

/// <summary>
/// Atoms ordered for execution. <see cref="Waves"/>[0] is wave 1; each wave lists atom ids
/// (<c>Atom.Id</c>). Every dependency edge goes from an earlier wave to a later one, except edges inside
/// a reported cycle (whose members are placed deterministically and whose broken edges are listed).
/// </summary>
public sealed record WavePlan(
    IReadOnlyList<IReadOnlyList<string>> Waves,
    IReadOnlyList<AtomEdge> Edges,
    IReadOnlyList<CycleReport> Cycles)
{
    public int AtomCount => Waves.Sum(w => w.Count);
}

/// <summary><see cref="From"/> uses something <see cref="To"/> defines, so To must run first; Symbol names it.</summary>
public sealed record AtomEdge(string From, string To, string Symbol);

/// <summary>A strongly connected group of atoms and the edges removed to order it.</summary>
public sealed record CycleReport(IReadOnlyList<string> AtomIds, IReadOnlyList<AtomEdge> BrokenEdges);
