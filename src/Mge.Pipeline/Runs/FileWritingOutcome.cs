namespace Mge.Pipeline.Runs;

/// <summary>Phase 8: files assembled from atoms; paths the model gave that were confined or rejected.</summary>
public sealed record FileWritingOutcome(int FilesWritten, IReadOnlyList<string> PathsConfined, IReadOnlyList<string> PathsRejected);
