using Mge.Pipeline.Runs;
using Microsoft.DurableTask;

namespace Mge.Workflow;

/// <summary>
/// The one generation workflow: discovery, master plan, dependency-aware code generation, validation with
/// bounded repair rounds, atomization, wave planning, wave execution in order, file writing,
/// infrastructure, verification (the project installed, tested and started in a sandbox) and delivery. It only passes ids and counts between activities (code, atoms and files
/// live in storage), keeps every fan-out bounded, and measures phases with the replay-safe clock. A failed
/// activity is recorded with the run journal before the orchestration fails with the same message. A model
/// call refused by the run's budget cap (<see cref="Mge.Pipeline.Costs.BudgetExceededException"/>) is not a
/// failure: the run is recorded as "budget_exceeded" and the orchestration completes with the partial summary
/// (<see cref="GenerationSummary.Status"/>); <see cref="RunResumer"/> continues it with a higher cap.
/// </summary>
public sealed class GenerationOrchestrator : TaskOrchestrator<GenerationInput, GenerationSummary>
{
    public override Task<GenerationSummary> RunAsync(TaskOrchestrationContext context, GenerationInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(input.RunId);
        return new GenerationRun(context, input).ExecuteAsync();
    }
}
