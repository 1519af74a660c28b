using System.IO.Compression;
using System.Text;
using Mge.CodeIntelligence.Paths;
using Mge.Pipeline.Workspace;

namespace Mge.Pipeline.Tests.Workspace;

public sealed class WorkspaceArchiveTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("mge-extract-");

    public void Dispose() => _directory.Delete(recursive: true);

    private static KeyValuePair<string, byte[]> File(string path, string text) => KeyValuePair.Create(path, Encoding.UTF8.GetBytes(text));

    private static MemoryStream HostileZip(string entryName)
    {
        var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var ok = new StreamWriter(archive.CreateEntry("app/ok.py").Open()))
            {
                ok.Write("x = 1\n");
            }

            using var evil = new StreamWriter(archive.CreateEntry(entryName).Open());
            evil.Write("owned\n");
        }

        buffer.Position = 0;
        return buffer;
    }

    [Fact]
    public void The_same_files_always_give_the_same_bytes_in_path_order()
    {
        var one = WorkspaceArchive.Build([File("b.py", "b"), File("a/x.py", "x"), File("README.md", "r")]);
        var two = WorkspaceArchive.Build([File("README.md", "r"), File("b.py", "b"), File("a/x.py", "x")]);

        Assert.Equal(one, two);
        using var archive = new ZipArchive(new MemoryStream(one));
        Assert.Equal(["README.md", "a/x.py", "b.py"], archive.Entries.Select(e => e.FullName));
        Assert.All(archive.Entries, e => Assert.Equal(WorkspaceArchive.EntryTimestamp.Year, e.LastWriteTime.Year));
    }

    [Fact]
    public async Task Extract_restores_every_file()
    {
        var zip = WorkspaceArchive.Build([File("app/main.py", "print(1)\n"), File(".env.example", "PORT=8000\n")]);

        var extracted = await WorkspaceArchive.ExtractAsync(new MemoryStream(zip), _directory.FullName);

        Assert.Equal([".env.example", "app/main.py"], extracted);
        Assert.Equal("print(1)\n", await System.IO.File.ReadAllTextAsync(Path.Combine(_directory.FullName, "app", "main.py")));
    }

    [Theory]
    [InlineData("../evil.txt")]
    [InlineData("../../etc/passwd")]
    [InlineData("a/../../evil.txt")]
    [InlineData("a/../b.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("C:/Windows/evil.txt")]
    [InlineData("C:evil.txt")]
    [InlineData("..\\evil.txt")]
    [InlineData("\\\\server\\share\\evil.txt")]
    public async Task Zip_slip_entries_are_refused_before_anything_is_written(string entryName)
    {
        var target = Path.Combine(_directory.FullName, "out");

        var error = await Assert.ThrowsAsync<PathOutsideWorkspaceException>(() => WorkspaceArchive.ExtractAsync(HostileZip(entryName), target));

        Assert.Equal(entryName, error.RelativePath);
        Assert.Contains(entryName, error.Message);
        Assert.False(Directory.Exists(target), "nothing may be written when any entry is refused");
        Assert.False(System.IO.File.Exists(Path.Combine(_directory.FullName, "evil.txt")));
    }

    [Fact]
    public void Building_refuses_paths_that_are_not_normalised_workspace_paths()
    {
        Assert.Throws<ArgumentException>(() => WorkspaceArchive.Build([File("../x.py", "x")]));
        Assert.Throws<ArgumentException>(() => WorkspaceArchive.Build([File("a/./x.py", "x")]));
    }
}
