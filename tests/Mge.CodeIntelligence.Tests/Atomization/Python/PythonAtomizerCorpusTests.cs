using System.Text;
using Mge.CodeIntelligence.Atomization.Python;
using Mge.CodeIntelligence.Languages;
using Xunit.Abstractions;

namespace Mge.CodeIntelligence.Tests.Atomization.Python;

/// <summary>Losslessness and atom size over real code: a sample in the normal suite, the whole stdlib as a slow test.</summary>
public sealed class PythonAtomizerCorpusTests(ITestOutputHelper output)
{
    private readonly PythonAtomizer _atomizer = new();

    [Fact]
    public void Sample_of_the_standard_library_atomizes_losslessly_into_small_atoms() =>
        AtomizeAndCheck(PythonStdlibCorpus.Sample(100), minimumParsed: 90);

    [Fact]
    [Trait("Category", "Slow")]
    public void Whole_standard_library_atomizes_losslessly_into_small_atoms() =>
        AtomizeAndCheck(PythonStdlibCorpus.All, minimumParsed: 1500);

    private void AtomizeAndCheck(IReadOnlyList<string> files, int minimumParsed)
    {
        var atomLines = new List<int>();
        var atomsPerFile = new List<int>();
        var parsed = 0;
        var rejected = new List<string>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file, new UTF8Encoding(false));
            var relative = Path.GetRelativePath(PythonStdlibCorpus.Root, file).Replace('\\', '/');
            var result = _atomizer.Atomize(new SourceFile(relative, text));
            if (!result.Succeeded)
            {
                // Files our parser rejects (Python 2 test data, deliberately broken files) have nothing to check.
                Assert.Empty(result.Atoms);
                rejected.Add(relative);
                continue;
            }

            parsed++;
            AtomInvariants.AssertLossless(text, result.Atoms);
            atomsPerFile.Add(result.Atoms.Count);
            atomLines.AddRange(result.Atoms.Select(a => a.LineCount));
        }

        atomLines.Sort();
        atomsPerFile.Sort();
        var small = atomLines.Count(l => l <= 15) * 100.0 / atomLines.Count;
        output.WriteLine($"files {files.Count}, parsed {parsed}, rejected {rejected.Count}: {string.Join(", ", rejected.Take(10))}");
        output.WriteLine($"atoms {atomLines.Count}; atoms per file median {Percentile(atomsPerFile, 0.5)}, p90 {Percentile(atomsPerFile, 0.9)}, max {atomsPerFile[^1]}");
        output.WriteLine($"lines per atom median {Percentile(atomLines, 0.5)}, p90 {Percentile(atomLines, 0.9)}, p99 {Percentile(atomLines, 0.99)}, max {atomLines[^1]}; <= 15 lines: {small:F1}%");

        Assert.True(parsed >= minimumParsed, $"only {parsed} of {files.Count} files parsed");
        Assert.True(Percentile(atomLines, 0.5) <= 10, "median atom is longer than ten lines");
        Assert.True(small >= 85, $"only {small:F1}% of atoms have at most 15 lines");
    }

    private static int Percentile(List<int> sorted, double quantile) =>
        sorted[(int)Math.Min(sorted.Count - 1, quantile * sorted.Count)];
}
