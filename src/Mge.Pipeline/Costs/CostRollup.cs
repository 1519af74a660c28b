using Mge.Pipeline.Prompting;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;

namespace Mge.Pipeline.Costs;

/// <summary>Sums journaled calls per phase (by <see cref="PipelinePhase"/> name, in phase order), the breakdown a run's summary carries.</summary>
public static class CostRollup
{
    public static IReadOnlyDictionary<string, UsageTotals> ByPhase(IEnumerable<ModelCallRecord> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var byPhase = calls
            .GroupBy(c => ModelGateway.PhaseOf(c.Key, c.Role))
            .OrderBy(g => g.Key)
            .Select(g => KeyValuePair.Create(g.Key.ToString(), UsageTotals.Sum(g.Select(c => c.Usage))));
        return new Dictionary<string, UsageTotals>(byPhase, StringComparer.Ordinal);
    }
}
