using System.Runtime.CompilerServices;

namespace Mge.Pipeline.Storage;

/// <summary><see cref="IBlobStore"/> in process memory, for tests and single-process runs. Thread-safe; names are checked like the file store's.</summary>
public sealed class InMemoryBlobStore : IBlobStore
{
    private readonly SortedDictionary<(string Container, string Name), byte[]> _blobs = new(BlobKeyComparer.Instance);
    private readonly Lock _gate = new();

    public Task PutAsync(string container, string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        BlobNames.Validate(container, name);
        cancellationToken.ThrowIfCancellationRequested();
        var copy = content.ToArray();
        lock (_gate)
        {
            _blobs[(container, name)] = copy;
        }

        return Task.CompletedTask;
    }

    public Task<byte[]?> GetAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        BlobNames.Validate(container, name);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_blobs.TryGetValue((container, name), out var content) ? content.ToArray() : null);
        }
    }

    public Task<bool> ExistsAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        BlobNames.Validate(container, name);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_blobs.ContainsKey((container, name)));
        }
    }

    public async IAsyncEnumerable<string> ListAsync(string container, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        BlobNames.ValidateContainer(container);
        ArgumentNullException.ThrowIfNull(prefix);
        List<string> names;
        lock (_gate)
        {
            names = _blobs.Keys
                .Where(k => k.Container == container && k.Name.StartsWith(prefix, StringComparison.Ordinal))
                .Select(k => k.Name)
                .ToList();
        }

        foreach (var name in names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return name;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private sealed class BlobKeyComparer : IComparer<(string Container, string Name)>
    {
        public static BlobKeyComparer Instance { get; } = new();

        public int Compare((string Container, string Name) x, (string Container, string Name) y)
        {
            var byContainer = string.CompareOrdinal(x.Container, y.Container);
            return byContainer != 0 ? byContainer : string.CompareOrdinal(x.Name, y.Name);
        }
    }
}
