using Mge.Pipeline.Storage;

namespace Mge.Api.Http;

/// <summary>Workspaces read from the host's <see cref="IBlobStore"/> (local files or memory) and streamed; there is no link to hand out.</summary>
public sealed class BlobStoreWorkspaceArchives(IBlobStore blobs) : IWorkspaceArchives
{
    public bool UsesLinks => false;

    public async Task<Stream?> OpenAsync(string runId, CancellationToken cancellationToken)
    {
        var bytes = await blobs.GetAsync(StorageNames.WorkspacesContainer, StorageKeys.Blobs.WorkspaceZip(runId), cancellationToken);
        return bytes is null ? null : new MemoryStream(bytes, writable: false);
    }

    public Task<Uri?> LinkAsync(string runId, string fileName, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Workspaces in a local blob store are streamed; they have no link (UsesLinks is false).");
}
