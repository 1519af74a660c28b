using System.Text;
using Mge.Pipeline.Storage;

namespace Mge.Pipeline.Tests.Storage;

/// <summary>The same behaviour from every blob store, including the refusal of names that could leave the container.</summary>
public abstract class BlobStoreContractTests
{
    protected abstract IBlobStore CreateStore();

    [Fact]
    public async Task Put_get_exists_and_list_by_prefix_in_ordinal_order()
    {
        var store = CreateStore();
        await store.PutAsync("runs", "r1/tasks/0002/app/main.py", Encoding.UTF8.GetBytes("print(2)\n"));
        await store.PutAsync("runs", "r1/tasks/0001/app/b.py", Encoding.UTF8.GetBytes("b"));
        await store.PutAsync("runs", "r1/tasks/0001/app/a.py", Encoding.UTF8.GetBytes("a"));
        await store.PutAsync("runs", "r2/x.md", Encoding.UTF8.GetBytes("x"));

        var names = new List<string>();
        await foreach (var name in store.ListAsync("runs", "r1/"))
        {
            names.Add(name);
        }

        Assert.Equal(["r1/tasks/0001/app/a.py", "r1/tasks/0001/app/b.py", "r1/tasks/0002/app/main.py"], names);
        Assert.Equal("print(2)\n", Encoding.UTF8.GetString((await store.GetAsync("runs", "r1/tasks/0002/app/main.py"))!));
        Assert.True(await store.ExistsAsync("runs", "r2/x.md"));
        Assert.False(await store.ExistsAsync("runs", "r2/y.md"));
        Assert.Null(await store.GetAsync("runs", "r2/y.md"));
    }

    [Theory]
    [InlineData("../outside.txt", "'..'")]
    [InlineData("r1/../../outside.txt", "'..'")]
    [InlineData("/etc/passwd", "absolute")]
    [InlineData("C:/Windows/x", "absolute")]
    [InlineData("a\\b.txt", "backslash")]
    [InlineData("a//b.txt", "empty segment")]
    [InlineData("a/./b.txt", "'.'")]
    [InlineData("", "empty")]
    public async Task Names_that_could_leave_the_container_are_refused_with_the_reason(string name, string reason)
    {
        var store = CreateStore();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync("runs", name, new byte[] { 1 }));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Container_names_are_checked()
    {
        var store = CreateStore();
        await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync("../x", "a.txt", new byte[] { 1 }));
        await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync("Runs", "a.txt", new byte[] { 1 }));
    }
}

public sealed class InMemoryBlobStoreTests : BlobStoreContractTests
{
    protected override IBlobStore CreateStore() => new InMemoryBlobStore();
}

public sealed class FileBlobStoreTests : BlobStoreContractTests, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "mge-blobs-" + Guid.NewGuid().ToString("N"));

    protected override IBlobStore CreateStore() => new FileBlobStore(_root);

    [Fact]
    public async Task Overwrites_are_whole_and_leave_no_temporary_files()
    {
        var store = CreateStore();
        await store.PutAsync("runs", "r/a.txt", Encoding.UTF8.GetBytes(new string('x', 100_000)));
        await store.PutAsync("runs", "r/a.txt", Encoding.UTF8.GetBytes("short"));

        Assert.Equal("short", Encoding.UTF8.GetString((await store.GetAsync("runs", "r/a.txt"))!));
        Assert.Empty(Directory.GetFiles(Path.Combine(_root, ".tmp")));
        Assert.True(File.Exists(Path.Combine(_root, "blobs", "runs", "r", "a.txt")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
