using Mge.CodeIntelligence.Paths;

namespace Mge.Pipeline.Storage;

/// <summary>One file a task produced: its workspace path, the blob holding the text, and how the path was decided.</summary>
public sealed record TaskFileRecord(string Path, string Blob, PathSource PathSource, string? Note, int Length);
