using Mge.Pipeline.Domain;

namespace Mge.Api.Http;

/// <summary>
/// The body of <c>POST /api/chat</c>: the user's message and the conversation it belongs to (a new one is made when
/// absent); optionally the project type and option overrides a generation started by this message uses (as in
/// <c>POST /api/projects</c>; ignored when the message gets a conversational answer).
/// </summary>
public sealed record ChatBody(string? Message, string? ConversationId = null, string? ProjectType = null, GenerationOptionOverrides? Options = null);
