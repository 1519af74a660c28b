namespace Mge.Pipeline.Domain;

/// <summary>What a user asked for. Stored before the orchestration starts; the orchestration only carries the run id.</summary>
public sealed record GenerationRequest(string RunId, string Request, GenerationOptions Options, DateTimeOffset CreatedAt, string UserId = "local");
