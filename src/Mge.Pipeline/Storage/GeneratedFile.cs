using Mge.CodeIntelligence.Paths;

namespace Mge.Pipeline.Storage;

/// <summary>A file about to be stored for a task: its resolved workspace path, its text, and how the path was decided.</summary>
public sealed record GeneratedFile(string Path, string Text, PathSource PathSource = PathSource.TaskTargetFile, string? Note = null);
