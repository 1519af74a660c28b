namespace Mge.Api.Http;

/// <summary>
/// The negotiate answer: what a SignalR client connects with (<c>url</c>, <c>accessToken</c>), the user id the token
/// is for (a new anonymous id on every call when the caller has no principal; <c>anonymous</c> says so), and the
/// run whose progress group that user joined, if any.
/// </summary>
public sealed record NegotiateResponse(string Url, string AccessToken, string UserId, bool Anonymous, string? RunId);
