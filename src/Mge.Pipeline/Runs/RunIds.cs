using System.Globalization;

namespace Mge.Pipeline.Runs;

/// <summary>Run ids as every host makes them ("20250101-120000-0123456789ab") and the shape an id in a URL must have to be looked up at all.</summary>
public static class RunIds
{
    public const int MaxLength = 100;

    /// <summary>Sortable by creation time, unique by its random tail; also a valid orchestration instance id and storage key.</summary>
    public static string New(DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"{now:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..12]}");

    /// <summary>
    /// True for ids made of letters, digits, '-' and '_' (every id this API hands out); anything else cannot name a
    /// run, so routes answer 404 without touching storage (whose key rules would otherwise throw).
    /// </summary>
    public static bool IsWellFormed(string? runId) =>
        !string.IsNullOrEmpty(runId) && runId.Length <= MaxLength && runId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
