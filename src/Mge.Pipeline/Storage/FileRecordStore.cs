using System.Runtime.CompilerServices;

namespace Mge.Pipeline.Storage;

/// <summary>
/// <see cref="IRecordStore"/> in a local folder: "{root}/tables/{table}/{partition}/{row}.json", each name
/// escaped (<see cref="FileNameEscaping"/>) so that no key can leave its folder. Writes are atomic (temporary
/// file + move), so a killed process never leaves a torn record. Rows come back sorted by row key (ordinal).
/// </summary>
public sealed class FileRecordStore : IRecordStore
{
    private const string Extension = ".json";
    private readonly string _tables;
    private readonly string _scratch;

    public FileRecordStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        var full = Path.GetFullPath(root);
        _tables = Path.Combine(full, "tables");
        _scratch = Path.Combine(full, ".tmp");
        Directory.CreateDirectory(_tables);
    }

    public Task UpsertAsync<T>(string table, string partition, string row, T value, CancellationToken cancellationToken = default)
    {
        RecordKeys.Validate(table, partition, row);
        return AtomicFile.WriteAsync(_scratch, RowPath(table, partition, row), StorageJson.Serialize(value), cancellationToken);
    }

    public async Task UpsertManyAsync<T>(string table, string partition, IEnumerable<KeyValuePair<string, T>> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            await UpsertAsync(table, partition, row.Key, row.Value, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<T?> GetAsync<T>(string table, string partition, string row, CancellationToken cancellationToken = default)
    {
        RecordKeys.Validate(table, partition, row);
        var bytes = await AtomicFile.ReadAsync(RowPath(table, partition, row), cancellationToken).ConfigureAwait(false);
        return bytes is null ? default : StorageJson.Deserialize<T>(bytes);
    }

    public async IAsyncEnumerable<KeyValuePair<string, T>> QueryAsync<T>(string table, string partition, string? rowPrefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        RecordKeys.Validate(table, partition, row: null);
        var directory = PartitionPath(table, partition);
        if (!Directory.Exists(directory))
        {
            yield break;
        }

        var rows = Directory.EnumerateFiles(directory, "*" + Extension)
            .Select(path => (Path: path, Row: FileNameEscaping.Unescape(Path.GetFileNameWithoutExtension(path))))
            .Where(r => rowPrefix is null || r.Row.StartsWith(rowPrefix, StringComparison.Ordinal))
            .OrderBy(r => r.Row, StringComparer.Ordinal)
            .ToList();

        foreach (var (path, row) in rows)
        {
            var bytes = await AtomicFile.ReadAsync(path, cancellationToken).ConfigureAwait(false);
            if (bytes is not null)
            {
                yield return KeyValuePair.Create(row, StorageJson.Deserialize<T>(bytes)!);
            }
        }
    }

    private string PartitionPath(string table, string partition) =>
        Path.Combine(_tables, FileNameEscaping.Escape(table), FileNameEscaping.Escape(partition));

    private string RowPath(string table, string partition, string row) =>
        Path.Combine(PartitionPath(table, partition), FileNameEscaping.Escape(row) + Extension);
}
