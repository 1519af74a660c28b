namespace Mge.Pipeline.Storage;

/// <summary>
/// Table-shaped storage of JSON-serialisable records: a table, a partition (usually the run id) and a row
/// key that sorts (zero-padded numbers). Writes are upserts, so activities that run twice leave the same
/// rows. Implementations: in memory, a local folder, Azure Table Storage.
/// </summary>
public interface IRecordStore
{
    Task UpsertAsync<T>(string table, string partition, string row, T value, CancellationToken cancellationToken = default);

    /// <summary>Upserts many rows of one partition; implementations batch them (Table transactions hold 100).</summary>
    Task UpsertManyAsync<T>(string table, string partition, IEnumerable<KeyValuePair<string, T>> rows, CancellationToken cancellationToken = default);

    Task<T?> GetAsync<T>(string table, string partition, string row, CancellationToken cancellationToken = default);

    /// <summary>All rows of a partition in row-key order, optionally only those whose key starts with a prefix.</summary>
    IAsyncEnumerable<KeyValuePair<string, T>> QueryAsync<T>(string table, string partition, string? rowPrefix = null, CancellationToken cancellationToken = default);
}
