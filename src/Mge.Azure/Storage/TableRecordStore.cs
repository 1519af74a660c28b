using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Mge.Pipeline.Storage;

namespace Mge.Azure.Storage;

/// <summary>
/// <see cref="IRecordStore"/> on Azure Table Storage. Each record is one entity: the full JSON in <c>Json</c>
/// (or, past the 64 KiB property limit, in an overflow blob named by <c>JsonBlob</c>), plus its top-level
/// scalar fields as typed columns so the tables read well in a storage browser and can be filtered
/// (tokens, cost, status). Writes are upserts (Replace), so re-run activities leave the same rows; many rows
/// of one partition go in entity-group transactions of at most 100 entities.
/// </summary>
public sealed class TableRecordStore : IRecordStore
{
    /// <summary>Strings are UTF-16 in Table Storage: 64 KiB is 32 K characters; keep a margin.</summary>
    internal const int MaxInlineJsonChars = 30_000;
    private const int MaxScalarStringChars = 1_024;
    private const int MaxBatchEntities = 100;
    private const int MaxBatchChars = 1_500_000; // ~3 MB of UTF-16, under the 4 MiB transaction limit.
    private const string OverflowContainer = "overflow";
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "PartitionKey", "RowKey", "Timestamp", "odata.etag", "Json", "JsonBlob",
    };

    private readonly TableServiceClient _service;
    private readonly IBlobStore _overflow;
    private readonly string _prefix;
    private readonly JsonSerializerOptions _json;
    private readonly CreatedOnce<TableClient> _tables = new();

    public TableRecordStore(TableServiceClient service, IBlobStore overflow, string tablePrefix = "mge", JsonSerializerOptions? json = null)
    {
        _service = service;
        _overflow = overflow;
        _prefix = tablePrefix;
        _json = json ?? StorageJson.Options;
    }

    public async Task UpsertAsync<T>(string table, string partition, string row, T value, CancellationToken cancellationToken = default)
    {
        var client = await GetTableAsync(table, cancellationToken);
        var entity = await ToEntityAsync(table, partition, row, value, cancellationToken);
        await client.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task UpsertManyAsync<T>(string table, string partition, IEnumerable<KeyValuePair<string, T>> rows, CancellationToken cancellationToken = default)
    {
        var client = await GetTableAsync(table, cancellationToken);
        var batch = new List<TableTransactionAction>(MaxBatchEntities);
        var batchChars = 0;
        // A transaction may not name the same row twice: the last value of a row wins, as with single upserts.
        var latest = new Dictionary<string, T>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (row, value) in rows)
        {
            if (!latest.ContainsKey(row))
            {
                order.Add(row);
            }
            latest[row] = value;
        }
        foreach (var row in order)
        {
            var entity = await ToEntityAsync(table, partition, row, latest[row], cancellationToken);
            var size = EstimateChars(entity);
            if (batch.Count == MaxBatchEntities || (batch.Count > 0 && batchChars + size > MaxBatchChars))
            {
                await client.SubmitTransactionAsync(batch, cancellationToken);
                batch.Clear();
                batchChars = 0;
            }
            batch.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));
            batchChars += size;
        }
        if (batch.Count > 0)
        {
            await client.SubmitTransactionAsync(batch, cancellationToken);
        }
    }

    public async Task<T?> GetAsync<T>(string table, string partition, string row, CancellationToken cancellationToken = default)
    {
        var client = await GetTableAsync(table, cancellationToken);
        var response = await client.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(partition), TableKeys.Escape(row), cancellationToken: cancellationToken);
        return response.HasValue ? await FromEntityAsync<T>(response.Value!, cancellationToken) : default;
    }

    public async IAsyncEnumerable<KeyValuePair<string, T>> QueryAsync<T>(string table, string partition, string? rowPrefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var client = await GetTableAsync(table, cancellationToken);
        var pk = TableKeys.Escape(partition);
        string filter;
        if (string.IsNullOrEmpty(rowPrefix))
        {
            filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk}");
        }
        else
        {
            var low = TableKeys.Escape(rowPrefix);
            var high = TableKeys.PrefixUpperBound(low);
            filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {low} and RowKey lt {high}");
        }
        // Table Storage returns a partition's rows in RowKey order.
        await foreach (var entity in client.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return new KeyValuePair<string, T>(TableKeys.Unescape(entity.RowKey), (await FromEntityAsync<T>(entity, cancellationToken))!);
        }
    }

    private Task<TableClient> GetTableAsync(string table, CancellationToken cancellationToken) =>
        _tables.GetAsync(TableName(table), async name =>
        {
            var client = _service.GetTableClient(name);
            await client.CreateIfNotExistsAsync(CancellationToken.None);
            return client;
        }, cancellationToken);

    internal string TableName(string table)
    {
        var name = _prefix + new string(table.Where(char.IsAsciiLetterOrDigit).ToArray());
        return name.Length is >= 3 and <= 63 && char.IsAsciiLetter(name[0])
            ? name
            : throw new ArgumentException($"'{table}' does not make a valid Table Storage name ('{name}': 3-63 letters or digits, starting with a letter).", nameof(table));
    }

    private async Task<TableEntity> ToEntityAsync<T>(string table, string partition, string row, T value, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(TableKeys.Escape(partition), TableKeys.Escape(row));
        var json = JsonSerializer.Serialize(value, _json);
        if (json.Length <= MaxInlineJsonChars)
        {
            entity["Json"] = json;
        }
        else
        {
            var blobName = $"{TableName(table)}/{entity.PartitionKey}/{entity.RowKey}.json";
            await _overflow.PutAsync(OverflowContainer, blobName, Encoding.UTF8.GetBytes(json), cancellationToken);
            entity["JsonBlob"] = blobName;
        }
        AddScalarColumns(entity, json);
        return entity;
    }

    private async Task<T?> FromEntityAsync<T>(TableEntity entity, CancellationToken cancellationToken)
    {
        if (entity.GetString("Json") is { } json)
        {
            return JsonSerializer.Deserialize<T>(json, _json);
        }
        if (entity.GetString("JsonBlob") is { } blobName)
        {
            var bytes = await _overflow.GetAsync(OverflowContainer, blobName, cancellationToken)
                ?? throw new InvalidOperationException($"Row {entity.PartitionKey}/{entity.RowKey} points to overflow blob '{blobName}', which is missing.");
            return JsonSerializer.Deserialize<T>(bytes, _json);
        }
        throw new InvalidOperationException($"Row {entity.PartitionKey}/{entity.RowKey} has neither Json nor JsonBlob: it was not written by MGE.");
    }

    private static void AddScalarColumns(TableEntity entity, string json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var name = ColumnName(property.Name);
            if (name is null || Reserved.Contains(name))
            {
                continue;
            }
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.String when property.Value.GetString() is { Length: <= MaxScalarStringChars } text:
                    entity[name] = text;
                    break;
                case JsonValueKind.Number when property.Value.TryGetInt64(out var integer):
                    entity[name] = integer;
                    break;
                case JsonValueKind.Number:
                    entity[name] = property.Value.GetDouble();
                    break;
                case JsonValueKind.True or JsonValueKind.False:
                    entity[name] = property.Value.GetBoolean();
                    break;
            }
        }
    }

    private static string? ColumnName(string jsonName)
    {
        if (jsonName.Length is 0 or > 255 || !(char.IsAsciiLetter(jsonName[0]) || jsonName[0] == '_'))
        {
            return null;
        }
        return jsonName.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? jsonName : null;
    }

    private static int EstimateChars(TableEntity entity)
    {
        IDictionary<string, object> properties = entity;
        return properties.Sum(p => p.Key.Length + (p.Value is string s ? s.Length : 16));
    }
}
