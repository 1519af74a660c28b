using System.Text.Json.Serialization;

namespace Mge.Azure.SignalR;

/// <summary>
/// The negotiate answer a SignalR client follows to Azure SignalR Service: the client URL
/// ("{endpoint}/client/?hub={hub}") and the token to connect with (audience = that URL). Serialises as
/// <c>{"url": ..., "accessToken": ...}</c>, the shape SignalR clients expect from a negotiate endpoint.
/// </summary>
public sealed record SignalRConnectionInfo(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("accessToken")] string AccessToken);
