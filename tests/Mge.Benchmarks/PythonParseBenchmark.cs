using System.Diagnostics;
using System.Globalization;
using Mge.CodeIntelligence.Languages.Python.Parsing;
using Mge.CodeIntelligence.Tests.Languages.Python.Corpus;

namespace Mge.Benchmarks;

/// <summary>
/// Parses the local CPython's standard library and site-packages with our parser and with CPython's
/// <c>ast.parse</c> (timed inside python over in-memory sources, so process start and file reading are excluded).
/// Args: [rounds] (default 3; the best round counts for both).
/// </summary>
public sealed class PythonParseBenchmark : IBenchmark
{
    public string Name => "python-parse";

    public string Description => "Python parser vs CPython ast.parse over stdlib + site-packages";

    public async Task RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var python = CPythonOracle.FindPython();
        if (python is null)
        {
            Console.WriteLine("python3 is not on PATH; nothing to compare against.");
            return;
        }

        int rounds = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var sources = PythonCorpus.Load(PythonCorpus.FindFiles(python), withMutants: false).Select(s => s.Text).ToList();
        double megabytes = sources.Sum(s => (long)System.Text.Encoding.UTF8.GetByteCount(s)) / (1024.0 * 1024.0);

        // One untimed pass warms the JIT.
        foreach (var source in sources)
        {
            PythonParser.Parse(source, cancellationToken);
        }

        double best = double.MaxValue;
        for (int round = 0; round < rounds; round++)
        {
            var stopwatch = Stopwatch.StartNew();
            foreach (var source in sources)
            {
                PythonParser.Parse(source, cancellationToken);
            }

            best = Math.Min(best, stopwatch.Elapsed.TotalMilliseconds);
        }

        double cpython = await CPythonOracle.TimeAstParseAsync(python, sources, rounds, cancellationToken);
        Console.WriteLine(FormattableString.Invariant($"files={sources.Count} MB={megabytes:F1} ours_ms={best:F0} cpython_ast_parse_ms={cpython:F0} ratio(cpython/ours)={cpython / best:F2} ours_MB/s={megabytes / (best / 1000):F1}"));
    }
}
