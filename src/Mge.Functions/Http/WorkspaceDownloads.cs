using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Sas;
using Mge.Azure.Storage;
using Mge.Api.Http;
using Mge.Functions.Composition;
using Mge.Pipeline.Storage;
using Microsoft.Extensions.Options;

namespace Mge.Functions.Http;

/// <summary>
/// The zipped workspace of a run in Blob Storage (container "workspaces", "{runId}.zip"): opened as a stream, or
/// handed out as a short-lived read-only SAS URL — signed with the account key when the client has one
/// (<see cref="BlobClient.CanGenerateSasUri"/>: a connection string, Azurite) or with a user delegation key
/// obtained with the managed identity (needs a data role that allows generateUserDelegationKey).
/// </summary>
public sealed class WorkspaceDownloads(AzureBlobStore blobs, IOptions<DownloadOptions> options, TimeProvider time) : IWorkspaceArchives
{
    /// <summary>SAS links start a little in the past: the storage service's clock may be behind ours.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public DownloadMode Mode => options.Value.ParsedMode;

    /// <summary>True in mode "sas": downloads redirect to <see cref="LinkAsync"/>.</summary>
    public bool UsesLinks => Mode == DownloadMode.Sas;

    /// <summary>The zip's content stream, or null when the zip does not exist (yet).</summary>
    public async Task<Stream?> OpenAsync(string runId, CancellationToken cancellationToken)
    {
        var blob = await BlobAsync(runId, cancellationToken);
        try
        {
            var download = await blob.DownloadStreamingAsync(cancellationToken: cancellationToken);
            return download.Value.Content;
        }
        catch (RequestFailedException error) when (error.Status == 404)
        {
            return null;
        }
    }

    /// <summary>A read-only URL of the zip valid for the configured lifetime, or null when the zip does not exist (yet).</summary>
    public async Task<Uri?> LinkAsync(string runId, string fileName, CancellationToken cancellationToken)
    {
        var blob = await BlobAsync(runId, cancellationToken);
        if (!await blob.ExistsAsync(cancellationToken))
        {
            return null;
        }

        var now = time.GetUtcNow();
        var expires = now + options.Value.SasLifetime;
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, expires)
        {
            BlobContainerName = blob.BlobContainerName,
            BlobName = blob.Name,
            Resource = "b",
            StartsOn = now - ClockSkew,
            Protocol = blob.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
            ContentType = "application/zip",
            ContentDisposition = WorkspaceFileNames.ContentDisposition(fileName),
        };

        if (blob.CanGenerateSasUri)
        {
            return blob.GenerateSasUri(sas);
        }

        var service = blob.GetParentBlobContainerClient().GetParentBlobServiceClient();
        UserDelegationKey key = await service.GetUserDelegationKeyAsync(now - ClockSkew, expires, cancellationToken);
        return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key, service.AccountName) }.ToUri();
    }

    private Task<BlobClient> BlobAsync(string runId, CancellationToken cancellationToken) =>
        blobs.GetBlobClientAsync(StorageNames.WorkspacesContainer, StorageKeys.Blobs.WorkspaceZip(runId), cancellationToken);
}
