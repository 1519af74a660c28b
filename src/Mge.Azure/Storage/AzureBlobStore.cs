using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Mge.Pipeline.Storage;

namespace Mge.Azure.Storage;

/// <summary>
/// <see cref="IBlobStore"/> on Azure Blob Storage. Containers are created on first use and prefixed
/// ("runs" -> "mge-runs"); blob names must be relative, forward-slash paths without "." or ".." segments.
/// </summary>
public sealed class AzureBlobStore : IBlobStore
{
    private readonly BlobServiceClient _service;
    private readonly string _prefix;
    private readonly CreatedOnce<BlobContainerClient> _containers = new();

    public AzureBlobStore(BlobServiceClient service, string containerPrefix = "mge")
    {
        _service = service;
        _prefix = containerPrefix;
    }

    public async Task PutAsync(string container, string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var client = await GetContainerAsync(container, cancellationToken);
        await client.GetBlobClient(CheckName(name)).UploadAsync(BinaryData.FromBytes(content), overwrite: true, cancellationToken);
    }

    public async Task<byte[]?> GetAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var client = await GetContainerAsync(container, cancellationToken);
        try
        {
            var result = await client.GetBlobClient(CheckName(name)).DownloadContentAsync(cancellationToken);
            return result.Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<bool> ExistsAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var client = await GetContainerAsync(container, cancellationToken);
        return await client.GetBlobClient(CheckName(name)).ExistsAsync(cancellationToken);
    }

    public async IAsyncEnumerable<string> ListAsync(string container, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var client = await GetContainerAsync(container, cancellationToken);
        // Blob listings come back in ordinal (UTF-8 byte) order, which is the order the port promises.
        await foreach (var item in client.GetBlobsAsync(global::Azure.Storage.Blobs.Models.BlobTraits.None, global::Azure.Storage.Blobs.Models.BlobStates.None, prefix, cancellationToken))
        {
            yield return item.Name;
        }
    }

    /// <summary>The client of one blob, for streaming downloads and SAS links.</summary>
    public async Task<global::Azure.Storage.Blobs.BlobClient> GetBlobClientAsync(string container, string name, CancellationToken cancellationToken = default) =>
        (await GetContainerAsync(container, cancellationToken)).GetBlobClient(CheckName(name));

    internal string ContainerName(string container)
    {
        var name = $"{_prefix}-{container}".ToLowerInvariant();
        var valid = name.Length is >= 3 and <= 63
            && char.IsAsciiLetterOrDigit(name[0]) && char.IsAsciiLetterOrDigit(name[^1])
            && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            && !name.Contains("--", StringComparison.Ordinal);
        return valid ? name : throw new ArgumentException($"'{container}' does not make a valid blob container name ('{name}').", nameof(container));
    }

    private Task<BlobContainerClient> GetContainerAsync(string container, CancellationToken cancellationToken) =>
        _containers.GetAsync(ContainerName(container), async name =>
        {
            var client = _service.GetBlobContainerClient(name);
            await client.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
            return client;
        }, cancellationToken);

    private static string CheckName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.StartsWith('/') || name.Contains('\\')
            || name.Split('/').Any(segment => segment is "" or "." or ".."))
        {
            throw new ArgumentException($"Blob name '{name}' must be a relative path with '/' separators and no empty, '.' or '..' segments.", nameof(name));
        }
        return name;
    }
}
