namespace Mge.Api.Http;

/// <summary>
/// Where a host keeps the zipped workspaces of runs: the Functions app in Blob Storage (streamed, or handed out as
/// a SAS link), <c>mge serve</c> in whatever <see cref="Mge.Pipeline.Storage.IBlobStore"/> it runs on.
/// </summary>
public interface IWorkspaceArchives
{
    /// <summary>True when downloads answer with a redirect to <see cref="LinkAsync"/> instead of streaming the zip.</summary>
    bool UsesLinks { get; }

    /// <summary>The zip's content, or null when it does not exist (yet).</summary>
    Task<Stream?> OpenAsync(string runId, CancellationToken cancellationToken);

    /// <summary>A short-lived read-only URL of the zip, or null when it does not exist (yet). Only used when <see cref="UsesLinks"/>.</summary>
    Task<Uri?> LinkAsync(string runId, string fileName, CancellationToken cancellationToken);
}
