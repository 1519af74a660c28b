using System.Diagnostics;

namespace Mge.CodeIntelligence.Tests.Atomization.Python;

/// <summary>
/// Real Python files to test against: the standard library of the machine's python3 (an oracle, not a
/// dependency of the product). The sample is a fixed, evenly spread selection so runs are repeatable.
/// </summary>
internal static class PythonStdlibCorpus
{
    private static readonly Lazy<IReadOnlyList<string>> AllFiles = new(FindFiles);

    public static string Root { get; private set; } = string.Empty;

    public static IReadOnlyList<string> All => AllFiles.Value;

    public static IReadOnlyList<string> Sample(int count)
    {
        var all = All;
        var step = Math.Max(1, all.Count / count);
        return all.Where((_, i) => i % step == 0).Take(count).ToList();
    }

    private static IReadOnlyList<string> FindFiles()
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("import sysconfig; print(sysconfig.get_paths()['stdlib'])");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        Root = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        if (process.ExitCode != 0 || !Directory.Exists(Root))
        {
            throw new InvalidOperationException($"python3 did not report a standard library directory (got '{Root}').");
        }

        return Directory.EnumerateFiles(Root, "*.py", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}site-packages{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
