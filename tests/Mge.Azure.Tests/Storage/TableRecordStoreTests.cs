using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Mge.Azure.Storage;
using Mge.Testing;

namespace Mge.Azure.Tests.Storage;

public sealed class TableRecordStoreTests : IClassFixture<AzuriteFixture>
{
    private readonly AzuriteFixture _azurite;

    public TableRecordStoreTests(AzuriteFixture azurite) => _azurite = azurite;

    private sealed record TaskRow(int Number, string Name, long LlmTokensInput, decimal LlmCostUsd, IReadOnlyList<string> TargetFiles);

    private (TableRecordStore Store, TableServiceClient Tables) CreateStore()
    {
        var prefix = "t" + Guid.NewGuid().ToString("N")[..8];
        var tables = new TableServiceClient(_azurite.ConnectionString);
        var blobs = new AzureBlobStore(new BlobServiceClient(_azurite.ConnectionString), prefix);
        return (new TableRecordStore(tables, blobs, prefix), tables);
    }

    [Fact]
    public async Task Upsert_then_get_round_trips_and_missing_rows_are_null()
    {
        var (store, _) = CreateStore();
        var row = new TaskRow(7, "Create User model", 1234, 0.0123m, ["app/models/user.py"]);

        await store.UpsertAsync("tasks", "run-1", "0007", row);

        var read = await store.GetAsync<TaskRow>("tasks", "run-1", "0007");
        Assert.NotNull(read);
        Assert.Equal(row.Name, read!.Name);
        Assert.Equal(row.LlmCostUsd, read.LlmCostUsd);
        Assert.Equal(row.TargetFiles, read.TargetFiles);
        Assert.Null(await store.GetAsync<TaskRow>("tasks", "run-1", "0008"));
    }

    [Fact]
    public async Task Scalar_fields_become_typed_columns()
    {
        var (store, tables) = CreateStore();
        await store.UpsertAsync("tasks", "run-1", "0001", new TaskRow(1, "Database", 42, 0.5m, []));

        var client = tables.GetTableClient(store.TableName("tasks"));
        var entity = (await client.GetEntityAsync<TableEntity>("run-1", "0001")).Value;
        Assert.Equal(42L, entity.GetInt64("llm_tokens_input"));
        Assert.Equal("Database", entity.GetString("name"));
        Assert.Equal(0.5, entity.GetDouble("llm_cost_usd"));
    }

    [Fact]
    public async Task Many_rows_are_written_in_transactions_and_read_back_in_key_order()
    {
        var (store, _) = CreateStore();
        var rows = Enumerable.Range(1, 250).Reverse()
            .Select(i => KeyValuePair.Create(i.ToString("D4"), new TaskRow(i, $"task {i}", i, i / 100m, [])))
            .ToList();

        await store.UpsertManyAsync("atoms", "run-2", rows);
        await store.UpsertManyAsync("atoms", "run-2", rows); // idempotent: a re-run activity leaves the same rows

        var read = new List<KeyValuePair<string, TaskRow>>();
        await foreach (var item in store.QueryAsync<TaskRow>("atoms", "run-2"))
        {
            read.Add(item);
        }
        Assert.Equal(250, read.Count);
        Assert.Equal(Enumerable.Range(1, 250).Select(i => i.ToString("D4")), read.Select(r => r.Key));
    }

    [Fact]
    public async Task Prefix_queries_return_only_matching_rows()
    {
        var (store, _) = CreateStore();
        await store.UpsertAsync("results", "run-3", "0001-0001", new TaskRow(1, "a", 0, 0, []));
        await store.UpsertAsync("results", "run-3", "0001-0002", new TaskRow(2, "b", 0, 0, []));
        await store.UpsertAsync("results", "run-3", "0002-0001", new TaskRow(3, "c", 0, 0, []));

        var keys = new List<string>();
        await foreach (var item in store.QueryAsync<TaskRow>("results", "run-3", "0001-"))
        {
            keys.Add(item.Key);
        }
        Assert.Equal(["0001-0001", "0001-0002"], keys);
    }

    [Fact]
    public async Task Values_past_the_property_limit_go_to_an_overflow_blob()
    {
        var (store, tables) = CreateStore();
        var big = new TaskRow(1, new string('x', 200_000), 0, 0, []);

        await store.UpsertAsync("tasks", "run-4", "0001", big);

        var read = await store.GetAsync<TaskRow>("tasks", "run-4", "0001");
        Assert.Equal(200_000, read!.Name.Length);
        var entity = (await tables.GetTableClient(store.TableName("tasks")).GetEntityAsync<TableEntity>("run-4", "0001")).Value;
        Assert.Null(entity.GetString("Json"));
        Assert.NotNull(entity.GetString("JsonBlob"));
    }

    [Fact]
    public async Task Keys_with_characters_tables_forbid_are_escaped_and_round_trip()
    {
        var (store, _) = CreateStore();
        await store.UpsertAsync("calls", "run/5", "code#0001?a/b", new TaskRow(1, "x", 0, 0, []));

        Assert.NotNull(await store.GetAsync<TaskRow>("calls", "run/5", "code#0001?a/b"));
        var keys = new List<string>();
        await foreach (var item in store.QueryAsync<TaskRow>("calls", "run/5"))
        {
            keys.Add(item.Key);
        }
        Assert.Equal(["code#0001?a/b"], keys);
    }
}
