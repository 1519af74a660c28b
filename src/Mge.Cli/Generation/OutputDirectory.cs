namespace Mge.Cli.Generation;

/// <summary>Checks, before anything is generated, that the output folder can be created and written to.</summary>
public static class OutputDirectory
{
    /// <summary>Creates <paramref name="fullPath"/> if needed and writes and deletes a probe file; throws <see cref="CliUsageException"/> saying why it cannot be used.</summary>
    public static async Task EnsureWritableAsync(string fullPath, string shownAs, CancellationToken cancellationToken)
    {
        if (File.Exists(fullPath))
        {
            throw new CliUsageException($"--out {shownAs}: is a file, not a directory.");
        }

        var probe = Path.Combine(fullPath, $".mge-write-probe-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(fullPath);
            await File.WriteAllTextAsync(probe, "probe", cancellationToken);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new CliUsageException($"--out {shownAs}: cannot write there ({FirstLine(ex.Message)}).");
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return (end < 0 ? message : message[..end]).TrimEnd('.');
    }
}
