using System.Globalization;
using Mge.CodeIntelligence.Tests.Languages.Python.Corpus;

namespace Mge.Benchmarks;

/// <summary>
/// How often our parser agrees with CPython's <c>compile()</c> over the local stdlib + site-packages and
/// deterministic mutants of every file. Args: [sampleSize] (default: the whole corpus).
/// </summary>
public sealed class PythonCorpusAgreement : IBenchmark
{
    public string Name => "python-corpus";

    public string Description => "Python parser agreement with CPython compile() on real files and mutants";

    public async Task RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var python = CPythonOracle.FindPython();
        if (python is null)
        {
            Console.WriteLine("python3 is not on PATH; nothing to compare against.");
            return;
        }

        var files = PythonCorpus.FindFiles(python);
        if (args.Count > 0)
        {
            files = PythonCorpus.Sample(files, int.Parse(args[0], CultureInfo.InvariantCulture));
        }

        var sources = PythonCorpus.Load(files, withMutants: true);
        var result = await CorpusAgreement.MeasureAsync(python, sources, cancellationToken);
        int originalsDisagreeing = result.Disagreements.Count(d => !d.Name.Contains('#', StringComparison.Ordinal));
        Console.WriteLine(FormattableString.Invariant(
            $"files={result.Files} mutants={result.Mutants} agreement={result.Percent:F2}% ({result.Agreed}/{result.Total}) originals_disagreeing={originalsDisagreeing} line_tolerance={CorpusAgreement.LineTolerance}"));
        foreach (var d in result.Disagreements.Take(25))
        {
            Console.WriteLine($"  {d.Name}: cpython={(d.CPython.Accepted ? "ok" : $"{d.CPython.Line}:{d.CPython.Offset} {d.CPython.Message}")} ours={d.Ours}");
        }
    }
}
