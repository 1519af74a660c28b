using System.Globalization;
using System.Security.Cryptography;

namespace Mge.Cli.Generation;

/// <summary>
/// Run ids made by the command line before the run is stored: "mge-20260301T120501Z-4f2a9c". They sort by
/// time, are safe as table keys, blob names and folder names, and the random suffix keeps two runs started
/// in the same second apart.
/// </summary>
public static class RunIds
{
    public static string Create(TimeProvider time) =>
        string.Create(CultureInfo.InvariantCulture, $"mge-{time.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}");
}
