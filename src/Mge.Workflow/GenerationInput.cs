using Mge.Pipeline.Domain;

namespace Mge.Workflow;

/// <summary>
/// The orchestration's input: the run id (the request text is already stored by RunJournal.CreateAsync, and
/// the run id is also the orchestration instance id, except for resumed runs: see <see cref="RunResumer"/>) and
/// the per-run options that shape the fan-outs.
/// </summary>
public sealed record GenerationInput(string RunId, GenerationOptions Options)
{
    /// <summary>Null when the options can drive a run, else what is wrong with them.</summary>
    public string? OptionsProblem()
    {
        var problems = new List<string>();
        if (Options is null)
        {
            return "the generation options are missing";
        }

        if (Options.Concurrency < 1)
        {
            problems.Add($"concurrency must be at least 1 (was {Options.Concurrency})");
        }

        if (Options.MaxWaveSize < 1)
        {
            problems.Add($"max wave size must be at least 1 (was {Options.MaxWaveSize})");
        }

        if (Options.AtomBatchSize < 1)
        {
            problems.Add($"atom batch size must be at least 1 (was {Options.AtomBatchSize})");
        }

        if (Options.MaxRepairAttempts < 0)
        {
            problems.Add($"max repair attempts cannot be negative (was {Options.MaxRepairAttempts})");
        }

        if (Options.MaxAtomRepairAttempts < 0)
        {
            problems.Add($"max atom repair attempts cannot be negative (was {Options.MaxAtomRepairAttempts})");
        }

        return problems.Count == 0 ? null : "Invalid generation options: " + string.Join("; ", problems) + ".";
    }
}
