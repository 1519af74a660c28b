namespace Mge.Api.Http;

/// <summary>What a SignalR client connects with: the hub URL and the access token for it.</summary>
public sealed record ProgressConnection(string Url, string AccessToken);
