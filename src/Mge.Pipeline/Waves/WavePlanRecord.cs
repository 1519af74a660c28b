namespace Mge.Pipeline.Waves;

/// <summary>
/// The stored wave plan (table "waves", partition run id, row "plan"): atom row keys per wave (index 0 is
/// wave 1), the cycles found and the edges broken to order them. When the membership is too large for one
/// record it is kept in the blob named <see cref="Blob"/> and <see cref="Waves"/> is empty here.
/// </summary>
public sealed record WavePlanRecord
{
    public IReadOnlyList<IReadOnlyList<string>> Waves { get; init; } = [];

    /// <summary>Atoms per wave; always present, even when the membership is in the blob.</summary>
    public required IReadOnlyList<int> AtomsPerWave { get; init; }
    public required int Edges { get; init; }
    public IReadOnlyList<WaveCycle> Cycles { get; init; } = [];
    public required int MaxWaveSize { get; init; }

    /// <summary>Blob (container "runs") holding the full record when it does not fit in a table row.</summary>
    public string? Blob { get; init; }

    public int WaveCount => AtomsPerWave.Count;
}

/// <summary>A dependency cycle among atoms (row keys) and the edges dropped to order it.</summary>
public sealed record WaveCycle(IReadOnlyList<string> Atoms, IReadOnlyList<WaveEdge> BrokenEdges);

/// <summary>A dependency between two atoms (row keys): <see cref="From"/> uses <see cref="Symbol"/>, which <see cref="To"/> defines.</summary>
public sealed record WaveEdge(string From, string To, string Symbol);
