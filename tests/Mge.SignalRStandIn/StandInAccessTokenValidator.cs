using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Mge.SignalRStandIn;

/// <summary>
/// Checks a token the way Azure SignalR Service does for access keys: HS256 signed with the key's UTF-8 bytes,
/// not expired (<c>exp</c> required), and <c>aud</c> naming the URL being called. For REST calls the audience is the
/// request URL (scheme, host, port and path; its query and a trailing slash are ignored); for client connections
/// it is the client URL "{endpoint}/client/?hub={hub}", whatever sub-path (negotiate, the WebSocket) is called.
/// </summary>
internal sealed class StandInAccessTokenValidator
{
    /// <summary>The claim a client connection's user id comes from.</summary>
    public const string UserIdClaim = "nameid";

    private readonly JsonWebTokenHandler _handler = new();
    private readonly TokenValidationParameters _parameters;

    public StandInAccessTokenValidator(string accessKey)
    {
        _parameters = new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(accessKey)),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateIssuerSigningKey = true,
            ValidateIssuer = false,
            // The audience is compared below, against the URL actually requested.
            ValidateAudience = false,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromSeconds(30),
        };
    }

    /// <summary>The token's identity, or the reason it is refused.</summary>
    public async Task<(ClaimsIdentity? Identity, string? Error)> ValidateAsync(string? token, HttpRequest request, bool isClientConnection)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (null, "No access token: send 'Authorization: Bearer <token>'.");
        }

        var result = await _handler.ValidateTokenAsync(token, _parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return (null, $"Invalid access token: {result.Exception?.GetType().Name ?? "validation failed"}.");
        }

        var audiences = result.SecurityToken is JsonWebToken jwt ? jwt.Audiences.ToList() : [];
        if (audiences.Count == 0)
        {
            return (null, "The access token has no audience.");
        }

        var expected = isClientConnection ? ClientAudience(request) : RequestAudience(request);
        return audiences.Any(a => AudienceMatches(a, expected, isClientConnection))
            ? (result.ClaimsIdentity, null)
            : (null, $"The access token's audience does not match '{expected}'.");
    }

    private static Uri RequestAudience(HttpRequest request) =>
        new($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}");

    private static Uri ClientAudience(HttpRequest request) =>
        new($"{request.Scheme}://{request.Host}{request.PathBase}/client/?hub={Uri.EscapeDataString(request.Query["hub"].ToString())}");

    private static bool AudienceMatches(string audience, Uri expected, bool compareHub)
    {
        if (!Uri.TryCreate(audience, UriKind.Absolute, out var actual))
        {
            return false;
        }

        var same = string.Equals(actual.Scheme, expected.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(actual.Host, expected.Host, StringComparison.OrdinalIgnoreCase)
            && actual.Port == expected.Port
            && string.Equals(Path(actual), Path(expected), StringComparison.Ordinal);
        return same && (!compareHub || string.Equals(Hub(actual), Hub(expected), StringComparison.OrdinalIgnoreCase));
    }

    private static string Path(Uri uri) => Uri.UnescapeDataString(uri.AbsolutePath).TrimEnd('/');

    private static string Hub(Uri uri) => QueryHelpers.ParseQuery(uri.Query).TryGetValue("hub", out var hub) ? hub.ToString() : string.Empty;
}
