using Mge.Pipeline.Domain;

namespace Mge.Workflow;

/// <summary>
/// The orchestration's input: the run id (the request text is already stored by RunJournal.CreateAsync, and
/// the run id is also the orchestration instance id, except for resumed runs: see <see cref="RunResumer"/>) and
/// the per-run options that shape the fan-outs.
/// </summary>
public sealed record GenerationInput(string RunId, GenerationOptions Options)
{
    /// <summary>Null when the options can drive a run, else what is wrong with them (<see cref="GenerationOptions.Problems"/>).</summary>
    public string? OptionsProblem()
    {
        if (Options is null)
        {
            return "the generation options are missing";
        }

        var problems = Options.Problems();
        return problems.Count == 0 ? null : "Invalid generation options: " + string.Join("; ", problems.Select(p => $"{p.Field} {p.Message}"));
    }
}
