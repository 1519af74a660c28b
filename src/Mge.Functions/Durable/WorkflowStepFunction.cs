using Mge.Workflow;
using Microsoft.Azure.Functions.Worker;

namespace Mge.Functions.Durable;

/// <summary>
/// What every generated activity function (<see cref="WorkflowStepFunctions"/>, from Mge.Functions.Generators) does:
/// run its step with the invocation's services, so the Functions host and the embedded engine execute the very
/// same step code.
/// </summary>
public static class WorkflowStepFunction
{
    public static Task<TOutput> RunAsync<TInput, TOutput>(WorkflowStep<TInput, TOutput> step, TInput input, FunctionContext function)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(function);
        return step.RunAsync(function.InstanceServices, input, function.CancellationToken);
    }
}
