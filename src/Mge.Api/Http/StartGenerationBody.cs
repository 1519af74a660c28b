using Mge.Pipeline.Domain;

namespace Mge.Api.Http;

/// <summary>The body of <c>POST /api/projects</c>: the sentence to turn into a project, optionally its type (fastapi|django|express) and option overrides.</summary>
public sealed record StartGenerationBody(string? Request, string? ProjectType = null, GenerationOptionOverrides? Options = null);
