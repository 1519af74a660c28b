using System.Collections.Concurrent;
using Microsoft.DurableTask;

namespace Mge.Workflow.Tests.Engine;

/// <summary>Fans out <c>count</c> <see cref="SquareActivity"/> calls at once and sums the results.</summary>
public sealed class FanOutOrchestrator : TaskOrchestrator<int, long>
{
    public override async Task<long> RunAsync(TaskOrchestrationContext context, int count)
    {
        var calls = Enumerable.Range(1, count).Select(i => context.CallActivityAsync<long>(nameof(SquareActivity), i)).ToList();
        var results = await Task.WhenAll(calls);
        return results.Sum();
    }
}

public sealed class SquareActivity : TaskActivity<int, long>
{
    public override Task<long> RunAsync(TaskActivityContext context, int input) => Task.FromResult((long)input * input);
}

/// <summary>Runs one <see cref="GreetingActivity"/>, which needs constructor dependencies.</summary>
public sealed class GreetingOrchestrator : TaskOrchestrator<string, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, string name) =>
        context.CallActivityAsync<string>(nameof(GreetingActivity), name);
}

public sealed record GreetingFormat(string Template);

/// <summary>A scoped dependency: each activity execution should get its own instance.</summary>
public sealed class ExecutionScope
{
    private static int created;

    public ExecutionScope() => Number = Interlocked.Increment(ref created);

    public int Number { get; }
}

public sealed class GreetingActivity(GreetingFormat format, ExecutionScope scope) : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input) =>
        Task.FromResult(string.Format(System.Globalization.CultureInfo.InvariantCulture, format.Template, input) + $" #{scope.Number}");
}

public sealed record FailureProbe(bool CatchFailure);

public sealed record CaughtFailure(string TaskName, string ErrorType, string Message);

/// <summary>Calls <see cref="ThrowingActivity"/>; either lets the failure fail the orchestration or reports what it caught.</summary>
public sealed class FailingOrchestrator : TaskOrchestrator<FailureProbe, CaughtFailure>
{
    public override async Task<CaughtFailure> RunAsync(TaskOrchestrationContext context, FailureProbe input)
    {
        try
        {
            await context.CallActivityAsync<int>(nameof(ThrowingActivity), "kaboom");
            throw new InvalidOperationException("the activity was expected to fail");
        }
        catch (TaskFailedException failure) when (input.CatchFailure)
        {
            return new CaughtFailure(failure.TaskName, failure.FailureDetails.ErrorType, failure.FailureDetails.ErrorMessage);
        }
    }
}

public sealed class ThrowingActivity : TaskActivity<string, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, string input) =>
        throw new ArgumentOutOfRangeException(nameof(input), input, "activity refused its input");
}

public sealed record StepStatus(string Phase, int Done, int Total);

/// <summary>Sets a custom status, then waits for the "go" event before finishing with the event's payload.</summary>
public sealed class WaitingOrchestrator : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        context.SetCustomStatus(new StepStatus(input, 1, 3));
        var payload = await context.WaitForExternalEvent<string>("go");
        context.SetCustomStatus(new StepStatus("done", 3, 3));
        return payload;
    }
}

/// <summary>Records how many activities run at the same moment.</summary>
public sealed class ConcurrencyProbe
{
    private int current;
    private int max;

    public ConcurrentBag<int> Seen { get; } = [];

    public int Max => Volatile.Read(ref max);

    public async Task RunAsync(int item, TimeSpan duration)
    {
        var now = Interlocked.Increment(ref current);
        int observed;
        while ((observed = Volatile.Read(ref max)) < now && Interlocked.CompareExchange(ref max, now, observed) != observed)
        {
        }

        try
        {
            await Task.Delay(duration);
            Seen.Add(item);
        }
        finally
        {
            Interlocked.Decrement(ref current);
        }
    }
}

public sealed record SlowFanOut(int Count, int DelayMilliseconds);

public sealed record SlowItem(int Item, int DelayMilliseconds);

/// <summary>Starts every item at once; the engine's activity cap is what limits the parallelism.</summary>
public sealed class SlowFanOutOrchestrator : TaskOrchestrator<SlowFanOut, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, SlowFanOut input)
    {
        var calls = Enumerable.Range(0, input.Count)
            .Select(i => context.CallActivityAsync<int>(nameof(SlowActivity), new SlowItem(i, input.DelayMilliseconds)))
            .ToList();
        var done = await Task.WhenAll(calls);
        return done.Length;
    }
}

public sealed class SlowActivity(ConcurrencyProbe probe) : TaskActivity<SlowItem, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, SlowItem input)
    {
        await probe.RunAsync(input.Item, TimeSpan.FromMilliseconds(input.DelayMilliseconds));
        return input.Item;
    }
}
