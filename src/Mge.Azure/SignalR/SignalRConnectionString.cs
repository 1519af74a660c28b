using System.Globalization;

namespace Mge.Azure.SignalR;

/// <summary>
/// An Azure SignalR Service connection string taken apart:
/// <c>Endpoint=https://&lt;name&gt;.service.signalr.net;AccessKey=&lt;key&gt;;Version=1.0;</c>, with an optional
/// <c>Port</c> (applied to the endpoint) and an optional <c>ClientEndpoint</c> (where clients connect, when it
/// differs from the REST endpoint). The access key signs every token; it never appears in
/// <see cref="ToString"/> or in an error message.
/// </summary>
public sealed class SignalRConnectionString
{
    /// <summary>The only data-plane version this adapter speaks (REST API v1).</summary>
    public const string SupportedVersion = "1.0";

    /// <summary>Shortest key accepted: HS256 needs at least 256 bits (Azure's keys are 44 characters).</summary>
    public const int MinimumAccessKeyLength = 32;

    private const string Example = "Endpoint=https://<name>.service.signalr.net;AccessKey=<key>;Version=1.0;";

    private SignalRConnectionString(Uri endpoint, Uri clientEndpoint, string accessKey, string version)
    {
        Endpoint = endpoint;
        ClientEndpoint = clientEndpoint;
        AccessKey = accessKey;
        Version = version;
    }

    /// <summary>The service's REST endpoint, port applied, no trailing slash ("https://x.service.signalr.net").</summary>
    public Uri Endpoint { get; }

    /// <summary>Where clients connect: <c>ClientEndpoint</c> when given, otherwise <see cref="Endpoint"/>.</summary>
    public Uri ClientEndpoint { get; }

    /// <summary>The key that signs service and client tokens (HS256, its UTF-8 bytes).</summary>
    public string AccessKey { get; }

    public string Version { get; }

    /// <summary>
    /// Parses a connection string. Keys are case-insensitive, values may contain '=' (base64 keys do), unknown
    /// keys are ignored. Throws <see cref="FormatException"/> naming the missing or bad part.
    /// </summary>
    public static SignalRConnectionString Parse(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new FormatException($"The SignalR connection string is empty; expected '{Example}'.");
        }

        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var segments = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var index = 0; index < segments.Length; index++)
        {
            var separator = segments[index].IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                // The segment itself is not echoed: it may be (part of) the key.
                throw new FormatException(
                    $"Segment {index + 1} of the SignalR connection string is not 'Name=Value'; expected '{Example}'.");
            }

            var name = segments[index][..separator].Trim();
            if (!parts.TryAdd(name, segments[index][(separator + 1)..].Trim()))
            {
                throw new FormatException($"The SignalR connection string sets '{name}' more than once.");
            }
        }

        if (parts.TryGetValue("AuthType", out var authType) && authType.Length > 0 &&
            !string.Equals(authType, "AccessKey", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException(
                $"The SignalR connection string uses AuthType '{authType}'; only access keys (AccessKey=...) are supported.");
        }

        var port = ParsePort(parts);
        var endpoint = ParseEndpoint(parts, "Endpoint", port)
            ?? throw new FormatException($"The SignalR connection string has no Endpoint; expected '{Example}'.");
        var clientEndpoint = ParseEndpoint(parts, "ClientEndpoint", port: null) ?? endpoint;

        if (!parts.TryGetValue("AccessKey", out var accessKey) || accessKey.Length == 0)
        {
            throw new FormatException($"The SignalR connection string has no AccessKey; expected '{Example}'.");
        }

        if (accessKey.Length < MinimumAccessKeyLength)
        {
            throw new FormatException(
                $"The SignalR connection string's AccessKey is {accessKey.Length} characters; HS256 signing needs at least {MinimumAccessKeyLength}.");
        }

        var version = parts.TryGetValue("Version", out var v) && v.Length > 0 ? v : SupportedVersion;
        if (version != SupportedVersion)
        {
            throw new FormatException(
                $"The SignalR connection string has Version '{version}'; only Version={SupportedVersion} is supported.");
        }

        return new SignalRConnectionString(endpoint, clientEndpoint, accessKey, version);
    }

    /// <summary>An absolute URL on the REST endpoint: <paramref name="path"/> starts with '/'.</summary>
    internal string ServiceUrl(string path) => Join(Endpoint, path);

    /// <summary>An absolute URL on the client endpoint: <paramref name="path"/> starts with '/'.</summary>
    internal string ClientUrl(string path) => Join(ClientEndpoint, path);

    /// <summary>The connection string with the key hidden, safe to log.</summary>
    public override string ToString() =>
        ClientEndpoint == Endpoint
            ? $"Endpoint={Endpoint.GetLeftPart(UriPartial.Authority)};AccessKey=***;Version={Version};"
            : $"Endpoint={Endpoint.GetLeftPart(UriPartial.Authority)};ClientEndpoint={ClientEndpoint.GetLeftPart(UriPartial.Authority)};AccessKey=***;Version={Version};";

    private static int? ParsePort(Dictionary<string, string> parts)
    {
        if (!parts.TryGetValue("Port", out var text) || text.Length == 0)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw new FormatException($"The SignalR connection string's Port '{text}' is not a port number (1-65535).");
    }

    private static Uri? ParseEndpoint(Dictionary<string, string> parts, string name, int? port)
    {
        if (!parts.TryGetValue(name, out var text) || text.Length == 0)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new FormatException($"The SignalR connection string's {name} '{text}' is not an absolute http(s) URL.");
        }

        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new FormatException($"The SignalR connection string's {name} '{text}' must not have a query or fragment.");
        }

        var builder = new UriBuilder(uri) { Path = uri.AbsolutePath.TrimEnd('/') };
        if (port is { } explicitPort)
        {
            builder.Port = explicitPort;
        }

        // UriBuilder keeps an empty path as "/"; the endpoint's string form is the base every path is appended to.
        return new Uri(builder.Uri.GetLeftPart(UriPartial.Path).TrimEnd('/'));
    }

    // Uri's string form ends a host-only URL with '/', so paths are joined to the endpoint without it.
    private static string Join(Uri endpoint, string path) => endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/') + path;
}
