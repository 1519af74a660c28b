namespace Mge.Azure.Storage;

/// <summary>
/// Where the Table and Blob stores live: a connection string (Azurite: "UseDevelopmentStorage=true" or an
/// explicit one), or service endpoints reached with a managed identity (Entra ID) in Azure.
/// Bound from configuration section "Mge:Storage".
/// </summary>
public sealed class AzureStorageOptions
{
    public const string SectionName = "Mge:Storage";

    public string? ConnectionString { get; set; }
    public Uri? TableEndpoint { get; set; }
    public Uri? BlobEndpoint { get; set; }

    /// <summary>Prefix of every table name, so several deployments can share an account ("mge" -> "mgeruns").</summary>
    public string TablePrefix { get; set; } = "mge";

    /// <summary>Prefix of every blob container name ("mge" -> "mge-runs").</summary>
    public string ContainerPrefix { get; set; } = "mge";

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString) && (TableEndpoint is null || BlobEndpoint is null))
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set {SectionName}:ConnectionString (e.g. UseDevelopmentStorage=true for Azurite) " +
                $"or both {SectionName}:TableEndpoint and {SectionName}:BlobEndpoint for managed identity.");
        }
    }
}
