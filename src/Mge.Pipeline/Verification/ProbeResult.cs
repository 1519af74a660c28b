namespace Mge.Pipeline.Verification;

/// <summary>One HTTP GET of a smoke step.</summary>
/// <param name="Path">The path called.</param>
/// <param name="StatusCode">The HTTP status code, or null when there was no response.</param>
/// <param name="Error">Why there was no response (connection refused, probe timed out, not probed because ...); null when answered.</param>
/// <param name="BodyExcerpt">The start of the response body (at most <see cref="BodyExcerptLength"/> characters).</param>
public sealed record ProbeResult(string Path, int? StatusCode, string? Error, string BodyExcerpt)
{
    /// <summary>Characters of the body kept.</summary>
    public const int BodyExcerptLength = 500;

    /// <summary>Answered with a 2xx status.</summary>
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
