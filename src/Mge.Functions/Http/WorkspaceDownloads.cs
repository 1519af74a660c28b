using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Sas;
using Mge.Azure.Storage;
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
public sealed class WorkspaceDownloads(AzureBlobStore blobs, IOptions<DownloadOptions> options, TimeProvider time)
{
    /// <summary>SAS links start a little in the past: the storage service's clock may be behind ours.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public DownloadMode Mode => options.Value.ParsedMode;

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
    public async Task<Uri?> SasUriAsync(string runId, string fileName, CancellationToken cancellationToken)
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
            ContentDisposition = ContentDisposition(fileName),
        };

        if (blob.CanGenerateSasUri)
        {
            return blob.GenerateSasUri(sas);
        }

        var service = blob.GetParentBlobContainerClient().GetParentBlobServiceClient();
        UserDelegationKey key = await service.GetUserDelegationKeyAsync(now - ClockSkew, expires, cancellationToken);
        return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key, service.AccountName) }.ToUri();
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

    /// <summary>The download's file name: the project name made file-safe, else the run id, plus ".zip".</summary>
    public static string FileName(string runId, string? projectName)
    {
        var safe = new string((projectName ?? string.Empty).Trim().Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray()).Trim('-', '.');
        return (safe.Length == 0 ? runId : safe) + ".zip";
    }

    private Task<BlobClient> BlobAsync(string runId, CancellationToken cancellationToken) =>
        blobs.GetBlobClientAsync(StorageNames.WorkspacesContainer, StorageKeys.Blobs.WorkspaceZip(runId), cancellationToken);
}
