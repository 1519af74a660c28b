using System.Runtime.CompilerServices;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Mge.Workflow;

/// <summary>
/// One activity of the workflow: its name and what it runs, a call into a pipeline phase resolved from the
/// execution's service scope. Both hosts turn every step of <see cref="WorkflowSteps"/> into an activity under
/// <see cref="Name"/> (the embedded engine through <see cref="WorkflowRegistration"/>, the Functions app through
/// its generated [Function] wrappers), so a new step is one line there and nothing else.
/// </summary>
public abstract class WorkflowStep
{
    private protected WorkflowStep(string name) => Name = name;

    /// <summary>The activity name the orchestrator calls and both hosts register: the member's name in <see cref="WorkflowSteps"/>.</summary>
    public string Name { get; }

    /// <summary>The durable activity that runs this step with services from <paramref name="services"/> (a per-execution scope).</summary>
    public abstract ITaskActivity CreateActivity(IServiceProvider services);

    /// <summary>A step that resolves <typeparamref name="TPhase"/> and calls <paramref name="run"/> on it.</summary>
    public static WorkflowStep<TInput, TOutput> Of<TPhase, TInput, TOutput>(
        Func<TPhase, TInput, CancellationToken, Task<TOutput>> run, [CallerMemberName] string name = "")
        where TPhase : notnull
    {
        ArgumentNullException.ThrowIfNull(run);
        return new WorkflowStep<TInput, TOutput>(name, (services, input, cancellationToken) =>
            run(services.GetRequiredService<TPhase>(), input, cancellationToken));
    }
}

/// <summary>A workflow step taking <typeparamref name="TInput"/> (ids and counts only) and returning <typeparamref name="TOutput"/>.</summary>
public sealed class WorkflowStep<TInput, TOutput> : WorkflowStep
{
    private readonly Func<IServiceProvider, TInput, CancellationToken, Task<TOutput>> run;

    internal WorkflowStep(string name, Func<IServiceProvider, TInput, CancellationToken, Task<TOutput>> run)
        : base(name) => this.run = run;

    /// <summary>Runs the step with <paramref name="services"/> (a per-execution scope); the phase behind it is idempotent.</summary>
    public Task<TOutput> RunAsync(IServiceProvider services, TInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(input);
        return run(services, input, cancellationToken);
    }

    public override ITaskActivity CreateActivity(IServiceProvider services) => new Activity(this, services);

    /// <summary>The step as a class-based durable activity, for hosts that run <see cref="ITaskActivity"/> objects.</summary>
    private sealed class Activity(WorkflowStep<TInput, TOutput> step, IServiceProvider services) : TaskActivity<TInput, TOutput>
    {
        // The durable SDK gives activities no cancellation token: a worker that stops abandons the work item
        // and it runs again elsewhere, which the phases' idempotent keys make safe.
        public override Task<TOutput> RunAsync(TaskActivityContext context, TInput input) => step.RunAsync(services, input, CancellationToken.None);
    }
}
