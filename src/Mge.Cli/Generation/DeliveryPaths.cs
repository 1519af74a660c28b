using System.Text;

namespace Mge.Cli.Generation;

/// <summary>Where a finished run lands under --out: "&lt;out&gt;/&lt;project&gt;.zip" and the unpacked "&lt;out&gt;/&lt;project&gt;/".</summary>
public sealed record DeliveryPaths(string ZipPath, string FolderPath)
{
    /// <summary>
    /// Paths for <paramref name="projectName"/> (reduced to a safe folder name). An earlier run's zip or folder
    /// is never overwritten or mixed with: the name gets "-2", "-3", ... until both are free.
    /// </summary>
    public static DeliveryPaths Choose(string outputDirectory, string projectName)
    {
        var name = SafeName(projectName);
        for (var suffix = 1; ; suffix++)
        {
            var candidate = suffix == 1 ? name : $"{name}-{suffix}";
            var zip = Path.Combine(outputDirectory, candidate + ".zip");
            var folder = Path.Combine(outputDirectory, candidate);
            if (!File.Exists(zip) && !Path.Exists(folder))
            {
                return new DeliveryPaths(zip, folder);
            }
        }
    }

    /// <summary>Letters, digits, '-' and '_' (others become '-'), lower case, at most 64 characters; "project" if nothing is left.</summary>
    public static string SafeName(string projectName)
    {
        var builder = new StringBuilder();
        foreach (var c in projectName.Trim().ToLowerInvariant())
        {
            var keep = char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
            if (keep)
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var name = builder.ToString().Trim('-', '_');
        if (name.Length > 64)
        {
            name = name[..64].TrimEnd('-', '_');
        }

        return name.Length == 0 ? "project" : name;
    }
}
