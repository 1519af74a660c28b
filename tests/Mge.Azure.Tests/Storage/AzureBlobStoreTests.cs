using Azure.Storage.Blobs;
using Mge.Azure.Storage;
using Mge.Testing;

namespace Mge.Azure.Tests.Storage;

public sealed class AzureBlobStoreTests : IClassFixture<AzuriteFixture>
{
    private readonly AzureBlobStore _store;

    public AzureBlobStoreTests(AzuriteFixture azurite) =>
        _store = new AzureBlobStore(new BlobServiceClient(azurite.ConnectionString), "b" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Put_get_exists_and_list_work_on_real_blobs()
    {
        await _store.PutAsync("runs", "run-1/workspace/app/main.py", "print('hi')\n"u8.ToArray());
        await _store.PutAsync("runs", "run-1/workspace/README.md", "# x\n"u8.ToArray());
        await _store.PutAsync("runs", "run-2/workspace/README.md", "# y\n"u8.ToArray());

        Assert.Equal("print('hi')\n"u8.ToArray(), await _store.GetAsync("runs", "run-1/workspace/app/main.py"));
        Assert.True(await _store.ExistsAsync("runs", "run-1/workspace/README.md"));
        Assert.False(await _store.ExistsAsync("runs", "run-1/workspace/missing.py"));
        Assert.Null(await _store.GetAsync("runs", "run-1/workspace/missing.py"));

        var names = new List<string>();
        await foreach (var name in _store.ListAsync("runs", "run-1/"))
        {
            names.Add(name);
        }
        Assert.Equal(["run-1/workspace/README.md", "run-1/workspace/app/main.py"], names);
    }

    [Fact]
    public async Task Overwriting_a_blob_replaces_it()
    {
        await _store.PutAsync("runs", "a.txt", "one"u8.ToArray());
        await _store.PutAsync("runs", "a.txt", "two"u8.ToArray());
        Assert.Equal("two"u8.ToArray(), await _store.GetAsync("runs", "a.txt"));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("/etc/passwd")]
    [InlineData("a/../../b")]
    [InlineData("a\\b")]
    [InlineData("")]
    public async Task Unsafe_blob_names_are_rejected(string name)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _store.PutAsync("runs", name, new byte[] { 1 }));
        Assert.Contains("Blob name", error.Message);
    }
}
