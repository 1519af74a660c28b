using System.Diagnostics;
using System.Globalization;
using Mge.Engine;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Mge.Benchmarks;

/// <summary>
/// Overhead of the embedded engine itself: fan-outs of no-op activities (wall time and cost per activity)
/// and a dependency-free sliding window of 10 over 120 activities of 50 ms, against its ideal 600 ms.
/// </summary>
public sealed class EngineBenchmark : IBenchmark
{
    private const int WindowSize = 10;
    private const int WindowItems = 120;
    private const int WindowItemMilliseconds = 50;

    public string Name => "engine";

    public string Description => "embedded engine: no-op fan-out of 200/1000 activities, sliding window 10 x 120 x 50 ms";

    public async Task RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var options = new EmbeddedEngineOptions { MaxConcurrentActivities = 64 }
            .AddOrchestrator<NoOpFanOutOrchestrator>()
            .AddOrchestrator<SlidingWindowOrchestrator>()
            .AddActivity<NoOpActivity>()
            .AddActivity<SleepActivity>();
        await using var engine = EmbeddedEngine.CreateInMemory(options, new ServiceCollection().BuildServiceProvider());
        await engine.StartAsync(cancellationToken);

        // Warm-up: JIT and the dispatchers' first polls are not what we measure.
        await RunOnceAsync(engine, nameof(NoOpFanOutOrchestrator), 50, "warm-up", cancellationToken);

        foreach (var count in new[] { 200, 1000 })
        {
            var best = TimeSpan.MaxValue;
            for (var run = 1; run <= 3; run++)
            {
                var elapsed = await RunOnceAsync(engine, nameof(NoOpFanOutOrchestrator), count, $"fan-out-{count}-{run}", cancellationToken);
                best = elapsed < best ? elapsed : best;
                Console.WriteLine(Format($"  fan-out {count,5} no-op activities, run {run}: {elapsed.TotalMilliseconds,8:F1} ms ({elapsed.TotalMilliseconds * 1000 / count,7:F1} us/activity)"));
            }

            Console.WriteLine(Format($"  fan-out {count,5}: best {best.TotalMilliseconds:F1} ms, {best.TotalMilliseconds * 1000 / count:F1} us per activity"));
        }

        var ideal = TimeSpan.FromMilliseconds((double)WindowItems / WindowSize * WindowItemMilliseconds);
        for (var run = 1; run <= 2; run++)
        {
            var window = await RunOnceAsync(engine, nameof(SlidingWindowOrchestrator), WindowItems, $"window-{run}", cancellationToken);
            Console.WriteLine(Format(
                $"  sliding window {WindowSize} over {WindowItems} x {WindowItemMilliseconds} ms, run {run}: {window.TotalMilliseconds:F1} ms (ideal {ideal.TotalMilliseconds:F0} ms, overhead {(window - ideal).TotalMilliseconds:F1} ms = {(window.TotalMilliseconds / ideal.TotalMilliseconds - 1) * 100:F1}%)"));
        }
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static async Task<TimeSpan> RunOnceAsync(EmbeddedEngine engine, string orchestrator, int count, string instanceId, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await engine.ScheduleAsync(orchestrator, count, instanceId, cancellationToken);
        var status = await engine.WaitForCompletionAsync(instanceId, TimeSpan.FromMinutes(5), cancellationToken);
        watch.Stop();
        if (status.RuntimeStatus != EngineRuntimeStatus.Completed || status.ReadOutput<int>() != count)
        {
            throw new InvalidOperationException($"{instanceId} ended {status.RuntimeStatus} with output {status.SerializedOutput}: {status.Failure?.Message}");
        }

        return watch.Elapsed;
    }

    private sealed class NoOpFanOutOrchestrator : TaskOrchestrator<int, int>
    {
        public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
        {
            var results = await Task.WhenAll(Enumerable.Range(0, input).Select(i => context.CallActivityAsync<int>(nameof(NoOpActivity), i)));
            return results.Length;
        }
    }

    /// <summary>At most <see cref="WindowSize"/> in flight; a new one starts as soon as any finishes.</summary>
    private sealed class SlidingWindowOrchestrator : TaskOrchestrator<int, int>
    {
        public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
        {
            var inFlight = new List<Task<int>>();
            var next = 0;
            var done = 0;
            while (done < input)
            {
                while (inFlight.Count < WindowSize && next < input)
                {
                    inFlight.Add(context.CallActivityAsync<int>(nameof(SleepActivity), next++));
                }

                var finished = await Task.WhenAny(inFlight);
                inFlight.Remove(finished);
                await finished;
                done++;
            }

            return done;
        }
    }

    private sealed class NoOpActivity : TaskActivity<int, int>
    {
        public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input);
    }

    private sealed class SleepActivity : TaskActivity<int, int>
    {
        public override async Task<int> RunAsync(TaskActivityContext context, int input)
        {
            await Task.Delay(WindowItemMilliseconds);
            return input;
        }
    }
}
