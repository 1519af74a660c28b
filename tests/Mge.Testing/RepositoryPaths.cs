using System.Reflection;

namespace Mge.Testing;

/// <summary>
/// Locates the repository (the folder holding MgeFunctions.sln): recorded at build time, because builds may
/// put test binaries outside the repository (--artifacts-path), with a search upward as a fallback.
/// </summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string TestsFolder => Path.Combine(Root, "tests");

    private static string FindRoot()
    {
        var recorded = typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (recorded is not null && File.Exists(Path.Combine(recorded, "MgeFunctions.sln")))
        {
            return recorded;
        }
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "MgeFunctions.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException($"No MgeFunctions.sln found (recorded: {recorded ?? "none"}, base: {AppContext.BaseDirectory}).");
    }
}
