using System.Text;

namespace Mge.Api.Http;

/// <summary>How a downloaded workspace is named: the project name made file-safe, and its Content-Disposition.</summary>
public static class WorkspaceFileNames
{
    /// <summary>The download's file name: the project name made file-safe, else the run id, plus ".zip".</summary>
    public static string For(string runId, string? projectName)
    {
        var safe = new string((projectName ?? string.Empty).Trim().Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray()).Trim('-', '.');
        return (safe.Length == 0 ? runId : safe) + ".zip";
    }

    /// <summary>"attachment; filename=...", with an ASCII fallback and the UTF-8 name (RFC 6266).</summary>
    public static string ContentDisposition(string fileName)
    {
        var ascii = new StringBuilder(fileName.Length);
        foreach (var c in fileName)
        {
            ascii.Append(c is >= ' ' and <= '~' and not '"' and not '\\' ? c : '_');
        }

        return $"attachment; filename=\"{ascii}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
    }
}
