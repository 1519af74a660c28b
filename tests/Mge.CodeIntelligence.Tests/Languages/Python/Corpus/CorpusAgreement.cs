using Mge.CodeIntelligence.Languages.Python.Parsing;

namespace Mge.CodeIntelligence.Tests.Languages.Python.Corpus;

/// <summary>One disagreement between our parser and CPython.</summary>
public sealed record CorpusDisagreement(string Name, CPythonVerdict CPython, string Ours);

/// <summary>
/// Compares our parser with CPython over a corpus. Agreement means: CPython accepts and we report nothing,
/// or CPython rejects and our first diagnostic is within <see cref="LineTolerance"/> lines of CPython's.
/// </summary>
public sealed record CorpusAgreement(int Files, int Mutants, int Agreed, int Total, IReadOnlyList<CorpusDisagreement> Disagreements)
{
    /// <summary>How far (in lines) our first diagnostic may be from CPython's and still agree.</summary>
    public const int LineTolerance = 3;

    /// <summary>Agreement in percent.</summary>
    public double Percent => Total == 0 ? 100 : 100.0 * Agreed / Total;

    /// <summary>Parses every source with both parsers and compares.</summary>
    public static async Task<CorpusAgreement> MeasureAsync(string python, IReadOnlyList<CorpusSource> sources, CancellationToken cancellationToken)
    {
        var verdicts = await CPythonOracle.CompileAllAsync(python, sources.Select(s => s.Text).ToList(), cancellationToken);
        var disagreements = new List<CorpusDisagreement>();
        int agreed = 0;
        for (int i = 0; i < sources.Count; i++)
        {
            var ours = PythonParser.Parse(sources[i].Text, cancellationToken);
            var cpython = verdicts[i];
            bool agree = cpython.Accepted
                ? ours.Diagnostics.Count == 0
                : ours.Diagnostics.Count > 0 && (cpython.Line == 0 || Math.Abs(ours.Diagnostics[0].Line - cpython.Line) <= LineTolerance);
            if (agree)
            {
                agreed++;
            }
            else
            {
                disagreements.Add(new CorpusDisagreement(sources[i].Name, cpython, ours.Diagnostics.Count == 0 ? "accepted" : ours.Diagnostics[0].ToString()));
            }
        }

        return new CorpusAgreement(sources.Count(s => !s.IsMutant), sources.Count(s => s.IsMutant), agreed, sources.Count, disagreements);
    }
}
