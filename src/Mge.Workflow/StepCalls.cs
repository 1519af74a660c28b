using Microsoft.DurableTask;

namespace Mge.Workflow;

/// <summary>Typed calls of <see cref="WorkflowSteps"/> from an orchestration: the step's name and types in one place.</summary>
public static class StepCalls
{
    public static Task<TOutput> CallAsync<TInput, TOutput>(this TaskOrchestrationContext context, WorkflowStep<TInput, TOutput> step, TInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(step);
        return context.CallActivityAsync<TOutput>(step.Name, input);
    }
}
