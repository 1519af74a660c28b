namespace Mge.Api.Http;

/// <summary>
/// The 202 answer of <c>POST /api/chat</c> when the message asked for a generation: a short reply, the conversation
/// id, the detected intent (direct, ready, detailed), the run id and the same payload <c>POST /api/projects</c> gives.
/// </summary>
public sealed record ChatStartedResponse(string Reply, string ConversationId, string Intent, string RunId, GenerationAccepted Run);
