namespace Mge.Sandbox.Tests;

/// <summary>A fresh workspace folder for one test, deleted afterwards.</summary>
internal sealed class TestWorkspace : IDisposable
{
    public TestWorkspace() => Path = Directory.CreateTempSubdirectory("mge-sandbox-test-").FullName;

    public string Path { get; }

    public string Write(string relativePath, string content)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
