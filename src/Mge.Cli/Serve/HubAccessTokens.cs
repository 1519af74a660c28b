using System.Security.Cryptography;
using System.Text;

namespace Mge.Cli.Serve;

/// <summary>
/// The access tokens <c>mge serve</c>'s negotiate hands out for its own hub: "{user}\n{run}\n{expiry}" signed with
/// HMAC-SHA256 under a key made fresh for each server process. The hub admits a connection to a run's progress
/// group only with a token negotiate issued for that run, as Azure SignalR Service does with its group membership.
/// </summary>
public sealed class HubAccessTokens
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly byte[] key = RandomNumberGenerator.GetBytes(32);
    private readonly TimeProvider time;

    public HubAccessTokens(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        this.time = time;
    }

    /// <summary>A token for <paramref name="userId"/> following <paramref name="runId"/> (or no run).</summary>
    public string Issue(string userId, string? runId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var expires = time.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds();
        var payload = Encoding.UTF8.GetBytes($"{userId}\n{runId}\n{expires}");
        return Base64Url(payload) + "." + Base64Url(HMACSHA256.HashData(key, payload));
    }

    /// <summary>The user and run a valid, unexpired token was issued for; null for anything else.</summary>
    public HubGrant? Validate(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Split('.') is not [var body, var signature])
        {
            return null;
        }

        byte[] payload;
        byte[] mac;
        try
        {
            payload = FromBase64Url(body);
            mac = FromBase64Url(signature);
        }
        catch (FormatException)
        {
            // Not a token this server made: refused like a bad signature.
            return null;
        }

        if (!CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(key, payload)))
        {
            return null;
        }

        var parts = Encoding.UTF8.GetString(payload).Split('\n');
        if (parts.Length != 3 || !long.TryParse(parts[2], out var expires) || DateTimeOffset.FromUnixTimeSeconds(expires) < time.GetUtcNow())
        {
            return null;
        }

        return new HubGrant(parts[0], parts[1].Length == 0 ? null : parts[1]);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - padded.Length % 4) % 4));
    }
}
