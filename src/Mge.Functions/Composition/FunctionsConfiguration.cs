namespace Mge.Functions.Composition;

/// <summary>What <see cref="FunctionsServiceCollectionExtensions.AddMgeFunctions"/> chose from configuration, for the start-up log line.</summary>
/// <param name="Storage">Where Table/Blob storage is ("connection string" or the endpoints used with managed identity).</param>
/// <param name="LiveProgress">True when progress is also pushed through Azure SignalR Service.</param>
/// <param name="SignalRHub">The hub progress goes to, when <paramref name="LiveProgress"/>.</param>
/// <param name="ModelProvider">The model the pipeline calls ("offline", ...).</param>
/// <param name="DownloadMode">How GET /api/projects/{id}/workspace answers.</param>
public sealed record FunctionsConfiguration(string Storage, bool LiveProgress, string? SignalRHub, string ModelProvider, DownloadMode DownloadMode);
