namespace Mge.Functions.Composition;

/// <summary>Settings of the workspace download, bound from "Mge:Downloads".</summary>
public sealed class DownloadOptions
{
    public const string SectionName = FunctionsSettings.Downloads;

    /// <summary>"stream" (default) or "sas".</summary>
    public string Mode { get; set; } = "stream";

    /// <summary>How long a SAS link stays valid; short, because anyone holding it can download.</summary>
    public TimeSpan SasLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The parsed <see cref="Mode"/>; throws naming the setting when it is neither value.</summary>
    public DownloadMode ParsedMode => Mode?.Trim().ToLowerInvariant() switch
    {
        "stream" or "" or null => DownloadMode.Stream,
        "sas" => DownloadMode.Sas,
        _ => throw new InvalidOperationException($"{FunctionsSettings.DownloadsMode} is '{Mode}'; use 'stream' or 'sas'."),
    };

    public void Validate()
    {
        _ = ParsedMode;
        if (SasLifetime <= TimeSpan.Zero || SasLifetime > TimeSpan.FromDays(1))
        {
            throw new InvalidOperationException($"{SectionName}:SasLifetime must be between 0 and 1 day (it is {SasLifetime}).");
        }
    }
}
