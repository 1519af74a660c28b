using Microsoft.AspNetCore.Http;

namespace Mge.Api.Http;

/// <summary>
/// Who is calling: the principal id App Service authentication (Easy Auth) puts in <c>x-ms-client-principal-id</c>.
/// With Easy Auth on, the platform sets that header itself and drops any value a client sends; without it the
/// header is whatever the client says, so it only separates users, it does not authenticate them.
/// </summary>
public static class CallerIdentity
{
    public const string PrincipalHeader = "x-ms-client-principal-id";

    /// <summary>The user id of runs started without a principal.</summary>
    public const string Anonymous = "anonymous";

    private const int MaxLength = 128;

    /// <summary>The caller's principal id, or null when the header is absent or unusable (empty, too long, control characters).</summary>
    public static string? PrincipalId(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = request.Headers[PrincipalHeader].ToString().Trim();
        return value.Length is 0 or > MaxLength || value.Any(char.IsControl) ? null : value;
    }

    /// <summary>The user a run started by this request belongs to: the principal, else <see cref="Anonymous"/>.</summary>
    public static string RunOwner(HttpRequest request) => PrincipalId(request) ?? Anonymous;

    /// <summary>True when <paramref name="runOwner"/> is a real principal (not an anonymous or local run).</summary>
    public static bool IsOwnedByPrincipal(string runOwner) => runOwner is not (Anonymous or "local") && runOwner.Length > 0;
}
