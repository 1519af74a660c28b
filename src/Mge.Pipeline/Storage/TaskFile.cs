using Mge.CodeIntelligence.Languages;

namespace Mge.Pipeline.Storage;

/// <summary>A stored file of the project together with the task that produced it.</summary>
public sealed record TaskFile(int TaskNumber, SourceFile File, TaskFileRecord Record);
