using System.Collections.Concurrent;
using System.Net.Http;
using Microsoft.DurableTask;

namespace Mge.Workflow.Tests.Engine;

/// <summary>Counts, per item, how often an activity ran and lets the first run of chosen items fail with a storage-like fault.</summary>
public sealed class FlakyStorage
{
    private readonly ConcurrentDictionary<int, int> runs = new();

    /// <summary>Items whose first run throws an <see cref="HttpRequestException"/> (connection refused, as when storage is down).</summary>
    public HashSet<int> FailFirstRun { get; } = [];

    /// <summary>Items whose every run throws an <see cref="InvalidOperationException"/> (a real error).</summary>
    public HashSet<int> AlwaysFail { get; } = [];

    public int RunsOf(int item) => runs.TryGetValue(item, out var count) ? count : 0;

    public void Enter(int item)
    {
        var count = runs.AddOrUpdate(item, 1, (_, c) => c + 1);
        if (AlwaysFail.Contains(item))
        {
            throw new InvalidOperationException($"item {item} is invalid");
        }

        if (count == 1 && FailFirstRun.Contains(item))
        {
            throw new HttpRequestException($"Connection refused while storing item {item}");
        }
    }
}

/// <summary>Calls <see cref="FlakyItemActivity"/> for items 1..n and sums the results.</summary>
public sealed class FlakyFanOutOrchestrator : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        var results = await Task.WhenAll(Enumerable.Range(1, input).Select(i => context.CallActivityAsync<int>(nameof(FlakyItemActivity), i)));
        return results.Sum();
    }
}

/// <summary>Returns its item after <see cref="FlakyStorage.Enter"/> let it through.</summary>
public sealed class FlakyItemActivity(FlakyStorage storage) : TaskActivity<int, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, int input)
    {
        storage.Enter(input);
        return Task.FromResult(input);
    }
}
