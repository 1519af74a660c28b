using Mge.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace Mge.Workflow.Tests.Engine;

public sealed class EmbeddedEngineTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static EmbeddedEngine CreateEngine(Action<EmbeddedEngineOptions> configure, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        services?.Invoke(collection);
        var options = new EmbeddedEngineOptions();
        configure(options);
        return EmbeddedEngine.CreateInMemory(options, collection.BuildServiceProvider());
    }

    [Fact]
    public async Task Fan_out_of_200_activities_completes_with_every_result()
    {
        await using var engine = CreateEngine(o => o.AddOrchestrator<FanOutOrchestrator>().AddActivity<SquareActivity>());
        await engine.StartAsync();

        await engine.ScheduleAsync(nameof(FanOutOrchestrator), 200, "fan-out-200");
        var status = await engine.WaitForCompletionAsync("fan-out-200", Timeout);

        Assert.Equal(EngineRuntimeStatus.Completed, status.RuntimeStatus);
        var expected = Enumerable.Range(1, 200).Sum(i => (long)i * i);
        Assert.Equal(expected, status.ReadOutput<long>());
    }

    [Fact]
    public async Task Activities_take_constructor_dependencies_from_a_scope_per_execution()
    {
        await using var engine = CreateEngine(
            o => o.AddOrchestrator<GreetingOrchestrator>().AddActivity<GreetingActivity>(),
            s => s.AddSingleton(new GreetingFormat("Hello, {0}!")).AddScoped<ExecutionScope>());
        await engine.StartAsync();

        await engine.ScheduleAsync(nameof(GreetingOrchestrator), "Ada", "greet-1");
        await engine.ScheduleAsync(nameof(GreetingOrchestrator), "Alan", "greet-2");
        var first = (await engine.WaitForCompletionAsync("greet-1", Timeout)).ReadOutput<string>();
        var second = (await engine.WaitForCompletionAsync("greet-2", Timeout)).ReadOutput<string>();

        Assert.StartsWith("Hello, Ada! #", first);
        Assert.StartsWith("Hello, Alan! #", second);
        Assert.NotEqual(first!.Split('#')[1], second!.Split('#')[1]);
    }

    [Fact]
    public async Task Activity_failure_details_reach_the_orchestrator()
    {
        await using var engine = CreateEngine(o => o.AddOrchestrator<FailingOrchestrator>().AddActivity<ThrowingActivity>());
        await engine.StartAsync();

        await engine.ScheduleAsync(nameof(FailingOrchestrator), new FailureProbe(CatchFailure: true), "caught");
        var status = await engine.WaitForCompletionAsync("caught", Timeout);

        Assert.Equal(EngineRuntimeStatus.Completed, status.RuntimeStatus);
        var caught = status.ReadOutput<CaughtFailure>();
        Assert.NotNull(caught);
        Assert.Equal(nameof(ThrowingActivity), caught.TaskName);
        Assert.Equal(typeof(ArgumentOutOfRangeException).FullName, caught.ErrorType);
        Assert.Contains("activity refused its input", caught.Message);
    }

    [Fact]
    public async Task Unhandled_activity_failure_fails_the_orchestration_with_details()
    {
        await using var engine = CreateEngine(o => o.AddOrchestrator<FailingOrchestrator>().AddActivity<ThrowingActivity>());
        await engine.StartAsync();

        await engine.ScheduleAsync(nameof(FailingOrchestrator), new FailureProbe(CatchFailure: false), "uncaught");
        var status = await engine.WaitForCompletionAsync("uncaught", Timeout);

        Assert.Equal(EngineRuntimeStatus.Failed, status.RuntimeStatus);
        Assert.NotNull(status.Failure);
        Assert.Contains("TaskFailedException", status.Failure.ErrorType);
        Assert.Contains(nameof(ThrowingActivity), status.Failure.Message);
        Assert.Null(status.SerializedOutput);
    }

    [Fact]
    public async Task Custom_status_is_visible_while_running_and_events_resume_the_instance()
    {
        await using var engine = CreateEngine(o => o.AddOrchestrator<WaitingOrchestrator>());
        await engine.StartAsync();

        await engine.ScheduleAsync(nameof(WaitingOrchestrator), "generating", "waiting");
        var running = await PollUntilAsync(engine, "waiting", s => s.ReadCustomStatus<StepStatus>() is not null);

        Assert.Equal(EngineRuntimeStatus.Running, running.RuntimeStatus);
        Assert.Equal(new StepStatus("generating", 1, 3), running.ReadCustomStatus<StepStatus>());

        await engine.RaiseEventAsync("waiting", "go", "released");
        var done = await engine.WaitForCompletionAsync("waiting", Timeout);
        Assert.Equal("released", done.ReadOutput<string>());
        Assert.Equal(new StepStatus("done", 3, 3), done.ReadCustomStatus<StepStatus>());
    }

    [Fact]
    public async Task Activity_concurrency_cap_is_honoured()
    {
        var probe = new ConcurrencyProbe();
        await using var engine = CreateEngine(
            o =>
            {
                o.AddOrchestrator<SlowFanOutOrchestrator>().AddActivity<SlowActivity>();
                o.MaxConcurrentActivities = 3;
            },
            s => s.AddSingleton(probe));
        await engine.StartAsync();

        await engine.ScheduleAsync(nameof(SlowFanOutOrchestrator), new SlowFanOut(24, 40), "capped");
        var status = await engine.WaitForCompletionAsync("capped", Timeout);

        Assert.Equal(24, status.ReadOutput<int>());
        Assert.Equal(24, probe.Seen.Count);
        // Above the cap is the bug; reaching it shows the cap (not the in-memory service's CPU-count
        // default) is what limits the parallelism.
        Assert.InRange(probe.Max, 2, 3);
    }

    [Fact]
    public async Task Cap_above_the_processor_count_is_used()
    {
        var probe = new ConcurrencyProbe();
        await using var engine = CreateEngine(
            o =>
            {
                o.AddOrchestrator<SlowFanOutOrchestrator>().AddActivity<SlowActivity>();
                o.MaxConcurrentActivities = Environment.ProcessorCount + 6;
            },
            s => s.AddSingleton(probe));
        await engine.StartAsync();

        await engine.ScheduleAsync(nameof(SlowFanOutOrchestrator), new SlowFanOut(40, 150), "lifted");
        await engine.WaitForCompletionAsync("lifted", Timeout);

        Assert.True(probe.Max > Environment.ProcessorCount, $"max concurrency {probe.Max} did not exceed the processor count {Environment.ProcessorCount}");
        Assert.True(probe.Max <= Environment.ProcessorCount + 6);
    }

    [Fact]
    public async Task Terminated_instance_reports_terminated_with_the_reason()
    {
        await using var engine = CreateEngine(o => o.AddOrchestrator<WaitingOrchestrator>());
        await engine.StartAsync();

        await engine.ScheduleAsync(nameof(WaitingOrchestrator), "waiting", "to-terminate");
        await PollUntilAsync(engine, "to-terminate", s => s.RuntimeStatus == EngineRuntimeStatus.Running);
        await engine.TerminateAsync("to-terminate", "user cancelled");
        var status = await engine.WaitForCompletionAsync("to-terminate", Timeout);

        Assert.Equal(EngineRuntimeStatus.Terminated, status.RuntimeStatus);
        Assert.Contains("user cancelled", status.Failure?.Message);
    }

    [Fact]
    public async Task Waiting_past_the_timeout_throws_with_the_current_status()
    {
        await using var engine = CreateEngine(o => o.AddOrchestrator<WaitingOrchestrator>());
        await engine.StartAsync();

        await engine.ScheduleAsync(nameof(WaitingOrchestrator), "waiting", "never-released");
        var error = await Assert.ThrowsAsync<TimeoutException>(() => engine.WaitForCompletionAsync("never-released", TimeSpan.FromMilliseconds(300)));

        Assert.Contains("never-released", error.Message);
    }

    [Fact]
    public async Task Unknown_orchestrator_and_unknown_instance_are_clear_errors()
    {
        await using var engine = CreateEngine(o => o.AddOrchestrator<FanOutOrchestrator>().AddActivity<SquareActivity>());
        await engine.StartAsync();

        var unknownName = await Assert.ThrowsAsync<ArgumentException>(() => engine.ScheduleAsync("NoSuchOrchestrator", 1, "x"));
        Assert.Contains("NoSuchOrchestrator", unknownName.Message);
        Assert.Null(await engine.GetStatusAsync("does-not-exist"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => engine.WaitForCompletionAsync("does-not-exist", Timeout));
    }

    [Fact]
    public void Options_reject_bad_registrations()
    {
        var options = new EmbeddedEngineOptions().AddActivity<SquareActivity>("Shared");
        Assert.Throws<ArgumentException>(() => options.AddActivity<ThrowingActivity>("Shared"));
        Assert.Throws<ArgumentException>(() => options.AddActivity(typeof(string), "NotAnActivity"));
        Assert.Throws<InvalidOperationException>(() => EmbeddedEngine.CreateInMemory(options, new ServiceCollection().BuildServiceProvider()));
    }

    private static async Task<EngineInstanceStatus> PollUntilAsync(EmbeddedEngine engine, string instanceId, Func<EngineInstanceStatus, bool> condition)
    {
        using var deadline = new CancellationTokenSource(Timeout);
        while (true)
        {
            var status = await engine.GetStatusAsync(instanceId, deadline.Token);
            if (status is not null && condition(status))
            {
                return status;
            }

            await Task.Delay(20, deadline.Token);
        }
    }
}
