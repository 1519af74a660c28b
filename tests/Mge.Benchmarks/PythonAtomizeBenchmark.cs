using System.Diagnostics;
using System.Globalization;
using Mge.CodeIntelligence.Languages;
using Mge.CodeIntelligence.Languages.Python;
using Mge.CodeIntelligence.Languages.Python.Analysis;
using Mge.CodeIntelligence.Languages.Python.Parsing;

namespace Mge.Benchmarks;

/// <summary>
/// Python analysis throughput over a directory of real code (default: the machine's python3 standard
/// library): parse only, parse + scope model + undefined-name check, and full atomization, each the best of three runs.
/// </summary>
public sealed class PythonAtomizeBenchmark : IBenchmark
{
    public string Name => "python-atomize";

    public string Description => "Python parse / names check / atomize throughput over a source tree (arg: directory; default python3 stdlib)";

    public Task RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var root = args.Count > 0 ? args[0] : StandardLibraryDirectory();
        var sources = Directory.EnumerateFiles(root, "*.py", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => new SourceFile(Path.GetRelativePath(root, path).Replace('\\', '/'), File.ReadAllText(path)))
            .Where(file => PythonParser.Parse(file.Text, cancellationToken).Success)
            .ToList();
        var characters = sources.Sum(s => (long)s.Text.Length);
        var lines = sources.Sum(s => (long)s.Text.Count(c => c == '\n'));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sources.Count} parseable files, {lines} lines, {characters / 1e6:F1} M chars under {root}"));

        var service = new PythonLanguageService();
        var atoms = 0L;
        Measure("parse", sources, characters, lines, file => PythonParser.Parse(file.Text, cancellationToken));
        Measure("parse + names", sources, characters, lines, file =>
        {
            var tree = PythonParser.Parse(file.Text, cancellationToken).Tree!;
            PythonUndefinedNameChecker.Check(PythonScopeModel.Build(tree, cancellationToken: cancellationToken));
        });
        Measure("atomize", sources, characters, lines, file => atoms += service.Atomize(file, cancellationToken).Atoms.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"atoms per run: {atoms / 3}"));
        return Task.CompletedTask;
    }

    private static void Measure(string label, List<SourceFile> sources, long characters, long lines, Action<SourceFile> work)
    {
        var best = TimeSpan.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var stopwatch = Stopwatch.StartNew();
            foreach (var source in sources)
            {
                work(source);
            }

            best = stopwatch.Elapsed < best ? stopwatch.Elapsed : best;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-14} best {best.TotalMilliseconds,8:F0} ms  {characters / 1e6 / best.TotalSeconds,6:F1} M chars/s  {lines / 1e3 / best.TotalSeconds,7:F0} k lines/s"));
    }

    private static string StandardLibraryDirectory()
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("import sysconfig; print(sysconfig.get_paths()['stdlib'])");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start; pass a directory instead.");
        var root = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return Directory.Exists(root) ? root : throw new InvalidOperationException($"python3 reported no stdlib directory ('{root}'); pass a directory instead.");
    }
}
