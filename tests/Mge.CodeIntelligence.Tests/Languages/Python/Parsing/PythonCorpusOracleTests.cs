using Mge.CodeIntelligence.Tests.Languages.Python.Corpus;
using Xunit.Abstractions;

namespace Mge.CodeIntelligence.Tests.Languages.Python.Parsing;

/// <summary>CPython (the local python3) is the oracle: real files and deterministic mutants of them.</summary>
public sealed class PythonCorpusOracleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SampleOfStandardLibraryAndMutantsAgreesWithCPython()
    {
        var python = CPythonOracle.FindPython();
        if (python is null)
        {
            output.WriteLine("python3 is not on PATH: the CPython oracle comparison was skipped.");
            return;
        }

        var files = PythonCorpus.Sample(PythonCorpus.FindFiles(python), 150);
        var sources = PythonCorpus.Load(files, withMutants: true);
        var result = await CorpusAgreement.MeasureAsync(python, sources, CancellationToken.None);
        Report(result);

        Assert.True(result.Files >= 100, $"only {result.Files} corpus files found");
        // Every file CPython accepts must be accepted: a false syntax error would block a valid project.
        Assert.DoesNotContain(result.Disagreements, d => d.CPython.Accepted);
        Assert.True(result.Percent >= 97.0, $"agreement {result.Percent:F1}%");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task WholeCorpusAndMutantsAgreesWithCPython()
    {
        var python = CPythonOracle.FindPython();
        if (python is null)
        {
            output.WriteLine("python3 is not on PATH: the CPython oracle comparison was skipped.");
            return;
        }

        var sources = PythonCorpus.Load(PythonCorpus.FindFiles(python), withMutants: true);
        var result = await CorpusAgreement.MeasureAsync(python, sources, CancellationToken.None);
        Report(result);

        Assert.True(result.Files >= 1000, $"only {result.Files} corpus files found");
        Assert.DoesNotContain(result.Disagreements, d => d.CPython.Accepted);
        Assert.True(result.Percent >= 97.0, $"agreement {result.Percent:F1}%");
    }

    private void Report(CorpusAgreement result)
    {
        output.WriteLine($"files={result.Files} mutants={result.Mutants} agreement={result.Percent:F2}% ({result.Agreed}/{result.Total})");
        foreach (var d in result.Disagreements.Take(40))
        {
            output.WriteLine($"{d.Name}: cpython={(d.CPython.Accepted ? "ok" : $"{d.CPython.Line}:{d.CPython.Offset} {d.CPython.ErrorType}: {d.CPython.Message}")} ours={d.Ours}");
        }
    }
}
