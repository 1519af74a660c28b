using Mge.Pipeline.Runs;
using Mge.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Mge.Functions.Durable;

/// <summary>
/// Exposes <see cref="GenerationOrchestrator"/> to the Functions host (the source generator that would do
/// this is not available here). A fresh orchestrator per invocation, like the embedded engine.
/// </summary>
public static class GenerationOrchestration
{
    [Function(WorkflowRegistration.OrchestratorName)]
    public static Task<GenerationSummary> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<GenerationInput>()
            ?? throw new InvalidOperationException($"Orchestration {context.InstanceId} was started without a {nameof(GenerationInput)}.");
        return new GenerationOrchestrator().RunAsync(context, input);
    }
}
