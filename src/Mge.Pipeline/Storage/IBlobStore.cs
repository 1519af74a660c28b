namespace Mge.Pipeline.Storage;

/// <summary>Blob-shaped storage for large values (code, files, zips). Names use forward slashes.</summary>
public interface IBlobStore
{
    Task PutAsync(string container, string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>Null when the blob does not exist.</summary>
    Task<byte[]?> GetAsync(string container, string name, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string container, string name, CancellationToken cancellationToken = default);

    /// <summary>Names under a prefix, in ordinal order.</summary>
    IAsyncEnumerable<string> ListAsync(string container, string prefix, CancellationToken cancellationToken = default);
}
