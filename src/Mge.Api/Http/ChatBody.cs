namespace Mge.Api.Http;

/// <summary>The body of <c>POST /api/chat</c>: the user's message and the conversation it belongs to (a new one is made when absent).</summary>
public sealed record ChatBody(string? Message, string? ConversationId = null);
