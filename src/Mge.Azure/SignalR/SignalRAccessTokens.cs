using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Mge.Azure.SignalR;

/// <summary>
/// Signs the JSON Web Tokens Azure SignalR Service accepts with an access key: HS256 over the key's UTF-8 bytes,
/// <c>aud</c> = the URL the token is for (a REST request URL without query, or a client URL
/// "{endpoint}/client/?hub={hub}"), <c>exp</c> = now + lifetime, and for client tokens <c>nameid</c> = the user id
/// the service routes user messages and user-group membership by. Thread-safe; create once.
/// </summary>
public sealed class SignalRAccessTokens
{
    /// <summary>The claim the service reads a connection's user id from.</summary>
    public const string UserIdClaim = "nameid";

    /// <summary>How long a token is valid unless configured otherwise.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);

    private readonly SigningCredentials _credentials;
    private readonly TimeProvider _timeProvider;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public SignalRAccessTokens(SignalRConnectionString connectionString, TimeSpan? lifetime = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        if (lifetime is { } value && value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), value, "A SignalR token lifetime must be positive.");
        }

        ConnectionString = connectionString;
        Lifetime = lifetime ?? DefaultLifetime;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _credentials = new SigningCredentials(
            new SymmetricSecurityKey(Encoding.UTF8.GetBytes(connectionString.AccessKey)), SecurityAlgorithms.HmacSha256);
    }

    public SignalRConnectionString ConnectionString { get; }

    public TimeSpan Lifetime { get; }

    /// <summary>
    /// A token for <paramref name="audience"/>: a REST request URL (query and trailing slash removed, as the service
    /// compares them) or a client URL (kept as given, since the client token's audience is the negotiate URL).
    /// </summary>
    /// <param name="userId">The <c>nameid</c> claim: the user a client connection belongs to; null for service calls.</param>
    public string Create(string audience, string? userId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(audience);
        if (userId is not null && string.IsNullOrWhiteSpace(userId))
        {
            throw new ArgumentException("A SignalR user id must not be blank.", nameof(userId));
        }

        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Audience = audience,
            IssuedAt = now,
            Expires = now + Lifetime,
            SigningCredentials = _credentials,
        };
        if (userId is not null)
        {
            descriptor.Claims = new Dictionary<string, object> { [UserIdClaim] = userId };
        }

        return _handler.CreateToken(descriptor);
    }

    /// <summary>A token for a REST call to <paramref name="requestUrl"/>: the audience is the URL without query or trailing slash.</summary>
    public string CreateForRequest(Uri requestUrl)
    {
        ArgumentNullException.ThrowIfNull(requestUrl);
        return Create(requestUrl.GetLeftPart(UriPartial.Path).TrimEnd('/'));
    }
}
