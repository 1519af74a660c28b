namespace Mge.Pipeline.Runs;

/// <summary>One batch of tasks atomized.</summary>
public sealed record AtomizationOutcome(IReadOnlyList<int> TaskNumbers, int Atoms, int FilesNotAtomized);
