using System.Text;

namespace Mge.CodeIntelligence.Paths;

/// <summary>
/// Turns untrusted relative paths (written by a model, read from a zip entry) into safe workspace-relative
/// paths, and confines them to a root directory on disk. Every file MGE writes goes through here, so a
/// path can never name something outside the workspace (zip-slip, "../../etc/passwd", "C:\x").
/// </summary>
public static class WorkspacePath
{
    /// <summary>Longest accepted normalised path, in UTF-16 code units (Windows' classic limit minus a margin for the root).</summary>
    public const int MaxPathLength = 200;

    /// <summary>Longest accepted single file or directory name.</summary>
    public const int MaxNameLength = 120;

    // Windows device names are reserved with any extension ("NUL.txt"), so a workspace that is unzipped
    // on Windows would fail or, worse, write to a device.
    private static readonly HashSet<string> ReservedDeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    private const string CharactersInvalidOnWindows = "<>:\"|?*";

    /// <summary>
    /// Normalises a relative path: backslashes become '/', "." segments go, "a/../b" collapses to "b" as long
    /// as it stays inside the root. Rejects (with <paramref name="problem"/> saying why) empty paths,
    /// absolute paths ("/etc/passwd", "C:\x", "\\server\share", "~/x"), paths that leave the root
    /// ("../../x", "a/../../b"), empty names ("a//b", a trailing '/'), control characters, reserved device
    /// names, characters Windows cannot store, and over-long paths or names.
    /// </summary>
    public static bool TryNormalize(string? raw, out string normalized, out string? problem)
    {
        normalized = string.Empty;
        problem = Check(raw, out var segments);
        if (problem is not null)
        {
            return false;
        }

        normalized = string.Join('/', segments);
        return true;
    }

    /// <summary>Like <see cref="TryNormalize"/>, but throws <see cref="ArgumentException"/> with the problem.</summary>
    public static string Normalize(string? raw) =>
        TryNormalize(raw, out var normalized, out var problem)
            ? normalized
            : throw new ArgumentException($"Path '{raw}' is not a safe workspace path: {problem}.", nameof(raw));

    /// <summary>
    /// The full path of <paramref name="relative"/> under <paramref name="root"/>. Throws
    /// <see cref="PathOutsideWorkspaceException"/> when the result is not strictly inside the root (absolute
    /// input, ".." escapes, NUL characters). This is the last line of defence for zip extraction and file
    /// writing, so it checks the resolved full path rather than trusting earlier normalisation.
    /// </summary>
    public static string Confine(string root, string relative)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        ArgumentNullException.ThrowIfNull(relative);

        if (relative.Contains('\0'))
        {
            throw new PathOutsideWorkspaceException(root, relative, "it contains a NUL character");
        }

        var forward = relative.Replace('\\', '/');
        if (IsAbsolute(forward) || Path.IsPathRooted(relative))
        {
            throw new PathOutsideWorkspaceException(root, relative, "it is absolute");
        }

        var rootFull = Path.GetFullPath(root);
        var rootWithSeparator = rootFull.EndsWith(Path.DirectorySeparatorChar) ? rootFull : rootFull + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(rootWithSeparator, forward.Replace('/', Path.DirectorySeparatorChar)));

        // Ordinal and with the trailing separator, so "/work/ws-evil" is not accepted as inside "/work/ws".
        if (!full.StartsWith(rootWithSeparator, StringComparison.Ordinal) || full.Length == rootWithSeparator.Length)
        {
            throw new PathOutsideWorkspaceException(root, relative, $"it resolves to '{full}'");
        }

        return full;
    }

    private static string? Check(string? raw, out List<string> segments)
    {
        segments = [];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return "the path is empty";
        }

        var text = raw.Trim();
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return $"it contains the control character U+{(int)c:X4}";
            }
        }

        text = text.Replace('\\', '/');
        if (IsAbsolute(text))
        {
            return "it is an absolute path; only paths relative to the workspace are accepted";
        }

        var parts = text.Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Length == 0)
            {
                return i == parts.Length - 1 ? "it ends with '/' and names no file" : "it contains an empty name ('//')";
            }

            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (segments.Count == 0)
                {
                    return "it is outside the workspace ('..' leaves the root)";
                }

                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            var nameProblem = CheckName(part);
            if (nameProblem is not null)
            {
                return nameProblem;
            }

            segments.Add(part);
        }

        if (segments.Count == 0)
        {
            return "it names the workspace root, not a file";
        }

        var length = segments.Sum(s => s.Length) + segments.Count - 1;
        return length > MaxPathLength ? $"it is {length} characters long (at most {MaxPathLength})" : null;
    }

    private static string? CheckName(string name)
    {
        if (name.Length > MaxNameLength)
        {
            return $"the name '{name[..20]}...' is {name.Length} characters long (at most {MaxNameLength})";
        }

        foreach (var c in name)
        {
            if (CharactersInvalidOnWindows.Contains(c))
            {
                return $"the name '{name}' contains '{c}'";
            }
        }

        if (name.EndsWith('.') || name.EndsWith(' '))
        {
            return $"the name '{name}' ends with a dot or a space";
        }

        var stem = name.Split('.')[0].TrimEnd();
        return ReservedDeviceNames.Contains(stem) ? $"the name '{name}' is a reserved device name" : null;
    }

    private static bool IsAbsolute(string forwardSlashed)
    {
        if (forwardSlashed.StartsWith('/') || forwardSlashed.StartsWith('~'))
        {
            return true;
        }

        // "C:x" is drive-relative on Windows and just as unsafe as "C:\x".
        return forwardSlashed.Length >= 2 && forwardSlashed[1] == ':' && IsAsciiLetter(forwardSlashed[0]);
    }

    private static bool IsAsciiLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    internal static string Slug(string text, int maxLength)
    {
        var builder = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '_')
            {
                builder.Append('_');
            }

            if (builder.Length >= maxLength)
            {
                break;
            }
        }

        return builder.ToString().Trim('_');
    }
}
