using Mge.Pipeline.Storage;

namespace Mge.Pipeline.Waves;

/// <summary>Counts of execution results by status, and the precision they give.</summary>
public sealed record ExecutionTally(int Passed, int Repaired, int Failed, double DurationSeconds)
{
    public int Total => Passed + Repaired + Failed;

    /// <summary>(passed + repaired) / <paramref name="atoms"/>; 0 when there are no atoms (nothing was delivered to check).</summary>
    public double PrecisionOver(int atoms) => atoms <= 0 ? 0 : (double)(Passed + Repaired) / atoms;

    public static ExecutionTally From(IEnumerable<ExecutionResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        int passed = 0, repaired = 0, failed = 0;
        double seconds = 0;
        foreach (var result in results)
        {
            switch (result.Status)
            {
                case AtomStates.Passed: passed++; break;
                case AtomStates.Repaired: repaired++; break;
                default: failed++; break;
            }

            seconds += result.DurationSeconds;
        }

        return new ExecutionTally(passed, repaired, failed, seconds);
    }
}
