using System.IO.Compression;
using Mge.CodeIntelligence.Paths;
using Mge.Pipeline.Storage;

namespace Mge.Pipeline.Workspace;

/// <summary>
/// The zipped workspace: built from the run's workspace blobs with a deterministic entry order (ordinal by
/// path) and timestamp, so the same workspace always gives the same bytes; and extracted to a directory with
/// every entry checked first, so a hostile archive (zip-slip: absolute names, "..", drive letters) writes nothing.
/// </summary>
public static class WorkspaceArchive
{
    /// <summary>The timestamp of every entry (zip's DOS time cannot go below 1980).</summary>
    public static readonly DateTimeOffset EntryTimestamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The most an extraction writes in total, against zip bombs.</summary>
    public const long DefaultMaxExtractedBytes = 1L << 30;

    /// <summary>Zips every blob under "{runId}/workspace/", named by its workspace path.</summary>
    public static async Task<byte[]> BuildAsync(IBlobStore blobs, string runId, CancellationToken cancellationToken = default) =>
        Build(await ReadFilesAsync(blobs, runId, cancellationToken).ConfigureAwait(false));

    /// <summary>Every blob under "{runId}/workspace/", keyed by its workspace path (already normalised and confined when written).</summary>
    public static async Task<IReadOnlyList<KeyValuePair<string, byte[]>>> ReadFilesAsync(IBlobStore blobs, string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var prefix = StorageKeys.Blobs.WorkspacePrefix(runId);
        var files = new List<KeyValuePair<string, byte[]>>();
        await foreach (var name in blobs.ListAsync(StorageNames.RunsContainer, prefix, cancellationToken).ConfigureAwait(false))
        {
            var content = await blobs.GetAsync(StorageNames.RunsContainer, name, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Workspace blob '{name}' was listed but could not be read.");
            files.Add(KeyValuePair.Create(name[prefix.Length..], content));
        }

        return files;
    }

    /// <summary>Zips files given by workspace path; every path must pass <see cref="WorkspacePath.Normalize"/> unchanged.</summary>
    public static byte[] Build(IEnumerable<KeyValuePair<string, byte[]>> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var ordered = files.OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            string? previous = null;
            foreach (var (path, content) in ordered)
            {
                var normalized = WorkspacePath.Normalize(path);
                if (!string.Equals(normalized, path, StringComparison.Ordinal))
                {
                    throw new ArgumentException($"Workspace path '{path}' is not normalised (expected '{normalized}').", nameof(files));
                }

                if (string.Equals(previous, path, StringComparison.Ordinal))
                {
                    throw new ArgumentException($"Workspace path '{path}' appears twice.", nameof(files));
                }

                previous = path;
                var entry = archive.CreateEntry(path, CompressionLevel.Optimal);
                entry.LastWriteTime = EntryTimestamp;
                using var stream = entry.Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Extracts a workspace zip into <paramref name="directory"/> (created if missing). Every entry name is
    /// checked before anything is written: absolute names, drive letters, ".." segments, backslash tricks and
    /// names that resolve outside the directory raise <see cref="PathOutsideWorkspaceException"/>. Returns the
    /// extracted files' workspace paths.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ExtractAsync(Stream zip, string directory, CancellationToken cancellationToken = default, long maxExtractedBytes = DefaultMaxExtractedBytes)
    {
        ArgumentNullException.ThrowIfNull(zip);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var root = Path.GetFullPath(directory);

        using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        var plan = new List<(ZipArchiveEntry Entry, string Relative, string Target)>();
        foreach (var entry in archive.Entries)
        {
            var name = entry.FullName;
            var isDirectory = name.EndsWith('/') || name.EndsWith('\\');
            var relative = CheckEntryName(root, isDirectory ? name.TrimEnd('/', '\\') : name);
            if (isDirectory)
            {
                continue;
            }

            plan.Add((entry, relative, WorkspacePath.Confine(root, relative)));
        }

        Directory.CreateDirectory(root);
        long total = 0;
        var extracted = new List<string>(plan.Count);
        foreach (var (entry, relative, target) in plan)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await using (var source = entry.Open())
            await using (var output = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                var chunk = new byte[81920];
                int read;
                while ((read = await source.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                    if (total > maxExtractedBytes)
                    {
                        throw new InvalidDataException($"The archive expands to more than {maxExtractedBytes} bytes; extraction stopped at '{relative}'.");
                    }

                    await output.WriteAsync(chunk.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
            }

            extracted.Add(relative);
        }

        return extracted;
    }

    private static string CheckEntryName(string root, string name)
    {
        if (name.Contains('\0'))
        {
            throw new PathOutsideWorkspaceException(root, name, "it contains a NUL character");
        }

        // ".." is refused outright, even where it would stay inside ("a/../b"): a legitimate workspace zip never has one.
        var segments = name.Replace('\\', '/').Split('/');
        if (segments.Any(s => s == ".."))
        {
            throw new PathOutsideWorkspaceException(root, name, "it contains a '..' segment");
        }

        if (!WorkspacePath.TryNormalize(name, out var normalized, out var problem))
        {
            throw new PathOutsideWorkspaceException(root, name, problem ?? "it is not a safe relative path");
        }

        return normalized;
    }
}
