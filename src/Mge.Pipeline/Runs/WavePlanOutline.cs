namespace Mge.Pipeline.Runs;

/// <summary>Phase 6: atoms per wave (index 0 is wave 1), edges, and cycles broken.</summary>
public sealed record WavePlanOutline(IReadOnlyList<int> AtomsPerWave, int Edges, int Cycles)
{
    public int TotalAtoms => AtomsPerWave.Sum();
}
