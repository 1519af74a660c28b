namespace Mge.Pipeline.Costs;

/// <summary>
/// A rough token count from text length (about four characters per token for English and code), used only
/// when a provider reports no usage and for the estimates of start events; calls priced this way are flagged.
/// </summary>
public static class TokenEstimator
{
    public const int CharactersPerToken = 4;

    public static long Estimate(string? text) =>
        string.IsNullOrEmpty(text) ? 0 : (text.Length + CharactersPerToken - 1) / CharactersPerToken;
}
