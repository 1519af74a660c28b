namespace Mge.Api.Http;

/// <summary>The 200 answer of <c>POST /api/chat</c> to a conversational message: the model's reply and the conversation id to send next time.</summary>
public sealed record ChatReplyResponse(string Reply, string ConversationId, string Intent);
