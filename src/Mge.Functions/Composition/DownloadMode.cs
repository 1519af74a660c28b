namespace Mge.Functions.Composition;

/// <summary>How the workspace download answers (setting "Mge:Downloads:Mode").</summary>
public enum DownloadMode
{
    /// <summary>The function streams the zip from Blob Storage itself.</summary>
    Stream,

    /// <summary>A 302 to a short-lived, read-only SAS URL of the zip blob (account key or user delegation key).</summary>
    Sas,
}
