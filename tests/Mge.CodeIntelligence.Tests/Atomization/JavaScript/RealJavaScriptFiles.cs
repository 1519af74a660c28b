namespace Mge.CodeIntelligence.Tests.Atomization.JavaScript;

/// <summary>
/// JavaScript files that ship with the machine's Node install (npm and its dependencies): real code to
/// test losslessness and syntax agreement on. Sampled deterministically (sorted, evenly spaced).
/// </summary>
internal static class RealJavaScriptFiles
{
    private static readonly Lazy<IReadOnlyList<string>> AllFiles = new(Find);

    public static IReadOnlyList<string> All => AllFiles.Value;

    public static IReadOnlyList<string> Sample(int count)
    {
        var all = All;
        if (all.Count <= count)
        {
            return all;
        }

        return Enumerable.Range(0, count).Select(i => all[(int)((long)i * all.Count / count)]).ToList();
    }

    private static IReadOnlyList<string> Find()
    {
        var roots = new[] { "/usr/lib/node_modules", "/usr/local/lib/node_modules", "/usr/share/nodejs" }
            .Where(Directory.Exists);
        var files = roots
            .SelectMany(r => Directory.EnumerateFiles(r, "*.*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }))
            .Where(f => f.EndsWith(".js", StringComparison.Ordinal) || f.EndsWith(".mjs", StringComparison.Ordinal) || f.EndsWith(".cjs", StringComparison.Ordinal))
            .Where(f => new FileInfo(f).Length is > 0 and < 400_000)
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        Assert.True(files.Count >= 100, $"expected the Node install's bundled JavaScript files, found {files.Count}");
        return files;
    }
}
