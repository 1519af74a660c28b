using System.Collections.Concurrent;
using Mge.Pipeline.Runs;

namespace Mge.Workflow.Tests.Orchestration;

/// <summary>One activity execution as the scripted activities saw it: name, input and its start/end on a shared sequence.</summary>
public sealed record RecordedCall(string Name, object Input, long Start, long End);

/// <summary>
/// The canned answers the scripted activities give (the plan, successive validation results, the wave plan,
/// delays and failures) and the record of every call they received, in a global order, with the number of
/// calls of each name that were in flight at once.
/// </summary>
public sealed class ScriptedPipeline
{
    private readonly ConcurrentQueue<RecordedCall> calls = new();
    private readonly ConcurrentDictionary<string, int> inFlight = new();
    private readonly ConcurrentDictionary<string, int> maxInFlight = new();
    private long sequence;
    private int validations;

    public PlanOutline Plan { get; set; } = Plans.Chain(3);

    /// <summary>The failing tasks reported by validation call k (0-based); past the end, the last entry repeats.</summary>
    public List<IReadOnlyList<int>> FailingTasksPerValidation { get; } = [[]];

    public WavePlanOutline Waves { get; set; } = new([4], 3, 0);

    public Func<int, TimeSpan> CodeDelay { get; set; } = _ => TimeSpan.Zero;

    public TimeSpan BatchDelay { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>When it returns a message for (activity name, input), that activity throws with it.</summary>
    public Func<string, object, string?> Failure { get; set; } = (_, _) => null;

    public IReadOnlyList<RecordedCall> Calls => calls.OrderBy(c => c.Start).ToList();

    public int MaxInFlight(string name) => maxInFlight.GetValueOrDefault(name);

    public IReadOnlyList<int> NextFailingTasks()
    {
        var index = Interlocked.Increment(ref validations) - 1;
        return FailingTasksPerValidation[Math.Min(index, FailingTasksPerValidation.Count - 1)];
    }

    public async Task<TOut> RecordAsync<TOut>(string name, object input, TimeSpan delay, Func<TOut> produce)
    {
        var start = Interlocked.Increment(ref sequence);
        var now = inFlight.AddOrUpdate(name, 1, (_, n) => n + 1);
        maxInFlight.AddOrUpdate(name, now, (_, max) => Math.Max(max, now));
        try
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay);
            }

            var failure = Failure(name, input);
            if (failure is not null)
            {
                throw new PhaseFailedException(PipelinePhase.CodeGeneration, failure);
            }

            return produce();
        }
        finally
        {
            inFlight.AddOrUpdate(name, 0, (_, n) => n - 1);
            calls.Enqueue(new RecordedCall(name, input, start, Interlocked.Increment(ref sequence)));
        }
    }
}
