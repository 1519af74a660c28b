using System.Runtime.CompilerServices;
using Mge.CodeIntelligence.Paths;

namespace Mge.Pipeline.Storage;

/// <summary>
/// <see cref="IBlobStore"/> in a local folder: "{root}/blobs/{container}/{name}". Names are checked by
/// <see cref="BlobNames"/> (no "..", no absolute names, no backslashes) and the resulting path is confined to
/// the container's folder again before any disk access. Writes are atomic (temporary file + move).
/// </summary>
public sealed class FileBlobStore : IBlobStore
{
    private readonly string _blobs;
    private readonly string _scratch;

    public FileBlobStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        var full = Path.GetFullPath(root);
        _blobs = Path.Combine(full, "blobs");
        _scratch = Path.Combine(full, ".tmp");
        Directory.CreateDirectory(_blobs);
    }

    public Task PutAsync(string container, string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        AtomicFile.WriteAsync(_scratch, BlobPath(container, name), content, cancellationToken);

    public Task<byte[]?> GetAsync(string container, string name, CancellationToken cancellationToken = default) =>
        AtomicFile.ReadAsync(BlobPath(container, name), cancellationToken);

    public Task<bool> ExistsAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var path = BlobPath(container, name);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(File.Exists(path));
    }

    public async IAsyncEnumerable<string> ListAsync(string container, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        BlobNames.ValidateContainer(container);
        ArgumentNullException.ThrowIfNull(prefix);
        var directory = Path.Combine(_blobs, container);
        if (!Directory.Exists(directory))
        {
            yield break;
        }

        var names = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(directory, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToList();

        foreach (var name in names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return name;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private string BlobPath(string container, string name)
    {
        BlobNames.Validate(container, name);

        // BlobNames has refused "..", roots and backslashes; confining the full path as well guards against
        // anything the name rules did not foresee (symbol tricks of a platform).
        return WorkspacePath.Confine(Path.Combine(_blobs, container), name);
    }
}
