using Mge.Pipeline.Storage;

namespace Mge.Pipeline.Tests.Storage;

/// <summary>The same behaviour from every record store: upserts, sorted queries with prefixes, copies, key rules.</summary>
public abstract class RecordStoreContractTests
{
    protected abstract IRecordStore CreateStore();

    protected sealed record Row(string Name, int Value, IReadOnlyList<string> Tags);

    [Fact]
    public async Task Upsert_then_get_returns_an_equal_copy_and_overwrites_on_second_upsert()
    {
        var store = CreateStore();
        await store.UpsertAsync("t", "p", "r", new Row("a", 1, ["x"]));
        await store.UpsertAsync("t", "p", "r", new Row("b", 2, ["y", "z"]));

        var row = await store.GetAsync<Row>("t", "p", "r");

        Assert.NotNull(row);
        Assert.Equal("b", row.Name);
        Assert.Equal(["y", "z"], row.Tags);
        Assert.Null(await store.GetAsync<Row>("t", "p", "missing"));
        Assert.Null(await store.GetAsync<Row>("t", "other", "r"));
    }

    [Fact]
    public async Task Query_returns_rows_in_ordinal_key_order_filtered_by_prefix()
    {
        var store = CreateStore();
        await store.UpsertManyAsync("t", "p", new[] { "0010", "0002", "0001-b", "0001-a" }.Select(k => KeyValuePair.Create(k, new Row(k, 0, []))));

        var all = new List<string>();
        await foreach (var row in store.QueryAsync<Row>("t", "p"))
        {
            all.Add(row.Key);
        }

        var prefixed = new List<string>();
        await foreach (var row in store.QueryAsync<Row>("t", "p", "0001-"))
        {
            prefixed.Add(row.Value.Name);
        }

        Assert.Equal(["0001-a", "0001-b", "0002", "0010"], all);
        Assert.Equal(["0001-a", "0001-b"], prefixed);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("")]
    [InlineData("a#b")]
    public async Task Keys_that_table_storage_refuses_are_refused(string row)
    {
        var store = CreateStore();
        await Assert.ThrowsAsync<ArgumentException>(() => store.UpsertAsync("t", "p", row, new Row("a", 1, [])));
    }

    [Fact]
    public async Task Concurrent_upserts_all_land()
    {
        var store = CreateStore();
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => store.UpsertAsync("t", "p", i.ToString("D4"), new Row("r", i, [])))));

        var count = 0;
        await foreach (var _ in store.QueryAsync<Row>("t", "p"))
        {
            count++;
        }

        Assert.Equal(200, count);
    }
}

public sealed class InMemoryRecordStoreTests : RecordStoreContractTests
{
    protected override IRecordStore CreateStore() => new InMemoryRecordStore();
}

public sealed class FileRecordStoreTests : RecordStoreContractTests, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "mge-records-" + Guid.NewGuid().ToString("N"));

    protected override IRecordStore CreateStore() => new FileRecordStore(_root);

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("a.b")]
    [InlineData("x%41y")]
    [InlineData("héllo wörld")]
    [InlineData("CON")]
    public async Task Unusual_keys_stay_inside_their_folder_and_round_trip(string key)
    {
        var store = CreateStore();
        await store.UpsertAsync("t", key, key, new Row(key, 1, []));

        var rows = new List<string>();
        await foreach (var row in store.QueryAsync<Row>("t", key))
        {
            rows.Add(row.Key);
        }

        Assert.Equal([key], rows);
        var files = Directory.GetFiles(_root, "*", SearchOption.AllDirectories);
        Assert.All(files, f => Assert.StartsWith(Path.Combine(_root, "tables", "t") + Path.DirectorySeparatorChar, f));
    }

    [Fact]
    public async Task Writes_leave_no_temporary_files_and_survive_a_new_store_instance()
    {
        await CreateStore().UpsertAsync("runs", "runs", "run-1", new Row("running", 1, []));

        var reopened = await new FileRecordStore(_root).GetAsync<Row>("runs", "runs", "run-1");

        Assert.Equal("running", reopened?.Name);
        Assert.Empty(Directory.Exists(Path.Combine(_root, ".tmp")) ? Directory.GetFiles(Path.Combine(_root, ".tmp")) : []);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
