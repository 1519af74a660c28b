using System.Runtime.CompilerServices;

namespace Mge.Pipeline.Storage;

/// <summary>
/// <see cref="IRecordStore"/> in process memory, for tests and single-process runs. Values are kept as JSON
/// (serialised like every other store) so that a record read back is a copy and serialisation problems show
/// up here as they would against Table Storage. Thread-safe; rows come back sorted by row key (ordinal).
/// </summary>
public sealed class InMemoryRecordStore : IRecordStore
{
    private readonly Dictionary<(string Table, string Partition), SortedDictionary<string, byte[]>> _partitions = new();
    private readonly Lock _gate = new();

    public Task UpsertAsync<T>(string table, string partition, string row, T value, CancellationToken cancellationToken = default)
    {
        RecordKeys.Validate(table, partition, row);
        cancellationToken.ThrowIfCancellationRequested();
        var json = StorageJson.Serialize(value);
        lock (_gate)
        {
            PartitionOf(table, partition)[row] = json;
        }

        return Task.CompletedTask;
    }

    public Task UpsertManyAsync<T>(string table, string partition, IEnumerable<KeyValuePair<string, T>> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var serialized = rows.Select(r =>
        {
            RecordKeys.Validate(table, partition, r.Key);
            return KeyValuePair.Create(r.Key, StorageJson.Serialize(r.Value));
        }).ToList();
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var rowsOfPartition = PartitionOf(table, partition);
            foreach (var row in serialized)
            {
                rowsOfPartition[row.Key] = row.Value;
            }
        }

        return Task.CompletedTask;
    }

    public Task<T?> GetAsync<T>(string table, string partition, string row, CancellationToken cancellationToken = default)
    {
        RecordKeys.Validate(table, partition, row);
        cancellationToken.ThrowIfCancellationRequested();
        byte[]? json;
        lock (_gate)
        {
            json = _partitions.TryGetValue((table, partition), out var rows) && rows.TryGetValue(row, out var value) ? value : null;
        }

        return Task.FromResult(json is null ? default : StorageJson.Deserialize<T>(json));
    }

    public async IAsyncEnumerable<KeyValuePair<string, T>> QueryAsync<T>(string table, string partition, string? rowPrefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        RecordKeys.Validate(table, partition, row: null);
        List<KeyValuePair<string, byte[]>> snapshot;
        lock (_gate)
        {
            snapshot = _partitions.TryGetValue((table, partition), out var rows)
                ? rows.Where(r => rowPrefix is null || r.Key.StartsWith(rowPrefix, StringComparison.Ordinal)).ToList()
                : [];
        }

        foreach (var row in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return KeyValuePair.Create(row.Key, StorageJson.Deserialize<T>(row.Value)!);
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private SortedDictionary<string, byte[]> PartitionOf(string table, string partition)
    {
        if (!_partitions.TryGetValue((table, partition), out var rows))
        {
            rows = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
            _partitions[(table, partition)] = rows;
        }

        return rows;
    }
}
