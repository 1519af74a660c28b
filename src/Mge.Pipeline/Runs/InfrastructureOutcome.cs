namespace Mge.Pipeline.Runs;

public sealed record InfrastructureOutcome(int FilesGenerated, string ProjectType, IReadOnlyList<string> Files);
