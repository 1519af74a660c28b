namespace Mge.Api.Http;

/// <summary>The optional body of <c>POST /api/negotiate</c>: the run whose progress the caller wants to follow.</summary>
public sealed record NegotiateBody(string? RunId = null);
