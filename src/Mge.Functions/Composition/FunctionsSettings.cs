namespace Mge.Functions.Composition;

/// <summary>
/// The configuration keys the Functions app reads, in their configuration form ("Mge:Storage:ConnectionString");
/// as app settings and in local.settings.json the ':' is written '__' ("Mge__Storage__ConnectionString").
/// </summary>
public static class FunctionsSettings
{
    public const string Storage = "Mge:Storage";
    public const string StorageConnectionString = "Mge:Storage:ConnectionString";
    public const string StorageTableEndpoint = "Mge:Storage:TableEndpoint";
    public const string StorageBlobEndpoint = "Mge:Storage:BlobEndpoint";
    public const string SignalRConnectionString = "Mge:SignalR:ConnectionString";
    public const string SignalRHub = "Mge:SignalR:Hub";
    public const string Downloads = "Mge:Downloads";
    public const string DownloadsMode = "Mge:Downloads:Mode";
    public const string Model = "Mge:Model";
    public const string ModelProvider = "Mge:Model:Provider";

    /// <summary>The app-setting spelling of a key ("Mge__Storage__ConnectionString").</summary>
    public static string AppSetting(string key) => key.Replace(":", "__", StringComparison.Ordinal);
}
