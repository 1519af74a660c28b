using System.Text;

namespace Mge.Cli.Terminal;

/// <summary>
/// Line breaks for a path shown in a narrow cell. Spectre.Console wraps text at spaces only and cuts a longer
/// word wherever the cell ends ("…/generate" | "d-projects/app.zip"); a path reads better, and its file name
/// stays whole and greppable, when it breaks after a directory separator.
/// </summary>
public static class PathText
{
    /// <summary>
    /// <paramref name="path"/> with a line break after a '/' or '\' (or in place of a space) wherever the next
    /// piece would pass <paramref name="width"/>; unchanged when it fits. A single piece longer than the width
    /// stays on its own line for the renderer to fold.
    /// </summary>
    public static string Wrap(string path, int width)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (width < 1 || path.Length <= width)
        {
            return path;
        }

        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var piece in Pieces(path))
        {
            if (line.Length > 0 && line.Length + piece.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
                // A space that became a line break is not kept at the start of the next line.
                line.Append(piece.TrimStart(' '));
                continue;
            }

            line.Append(piece);
        }

        lines.Add(line.ToString());
        return string.Join('\n', lines);
    }

    // "/home/a b/c.zip" -> "/", "home/", "a", " b/", "c.zip": each piece ends after a separator or before a space.
    private static IEnumerable<string> Pieces(string path)
    {
        var start = 0;
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] is '/' or '\\')
            {
                yield return path[start..(i + 1)];
                start = i + 1;
            }
            else if (path[i] == ' ' && i > start)
            {
                yield return path[start..i];
                start = i;
            }
        }

        if (start < path.Length)
        {
            yield return path[start..];
        }
    }
}
