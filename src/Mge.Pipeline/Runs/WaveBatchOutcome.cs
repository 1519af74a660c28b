using Mge.Pipeline.Costs;

namespace Mge.Pipeline.Runs;

/// <summary>One batch of one wave's atoms checked (and repaired where needed).</summary>
public sealed record WaveBatchOutcome(int Wave, int Batch, int Passed, int Repaired, int Failed, UsageTotals Usage)
{
    public int Total => Passed + Repaired + Failed;
}
