using Mge.Pipeline.Costs;

namespace Mge.Pipeline.Runs;

/// <summary>One task's code generation or repair; the code is in storage.</summary>
public sealed record TaskCodeOutcome(int TaskNumber, bool Succeeded, int CodeLength, int Files, string? Error, UsageTotals Usage);
