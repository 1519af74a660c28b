using Mge.Azure;
using Mge.Azure.Storage;
using Mge.Cli.Runs;
using Mge.Pipeline;
using Mge.Pipeline.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Mge.Cli.Tests;

/// <summary>
/// What a run left in Azure Storage, read straight from the Table/Blob stores (not through mge): the plan,
/// tasks, atoms, results and the call journal with the fingerprint of each call's stored prompt (the same
/// fingerprint <see cref="PaidCallLedger"/> writes for every call the model really answered).
/// </summary>
public sealed record StoredRun(
    MasterPlanRecord? Plan,
    IReadOnlyList<TaskRecord> Tasks,
    IReadOnlyList<AtomRecord> Atoms,
    IReadOnlyList<ExecutionResult> Results,
    IReadOnlyList<ModelCallRecord> Calls,
    IReadOnlyDictionary<string, string> PromptFingerprintByCall)
{
    public static async Task<StoredRun> ReadAsync(string connectionString, string runId)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMgePipeline();
        services.AddMgeAzureStorage(new AzureStorageOptions { ConnectionString = connectionString });
        await using var provider = services.BuildServiceProvider();
        var repository = provider.GetRequiredService<RunRepository>();

        var calls = await repository.ListCallsAsync(runId);
        var fingerprints = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var call in calls)
        {
            var prompt = await repository.GetTextAsync(StorageNames.RunsContainer, call.PromptBlob ?? throw new InvalidOperationException($"call {call.Key} has no prompt blob"))
                ?? throw new InvalidOperationException($"call {call.Key}: prompt blob {call.PromptBlob} is missing");
            fingerprints[call.Key] = PaidCallLedger.Fingerprint(prompt);
        }

        return new StoredRun(
            await repository.GetMasterPlanAsync(runId),
            await repository.ListTasksAsync(runId),
            await repository.ListAtomsAsync(runId),
            await repository.ListResultsAsync(runId),
            calls,
            fingerprints);
    }

    /// <summary>Asserts the rows are whole and single: tasks = plan tasks, atoms contiguous per file, one result per atom.</summary>
    public void AssertNothingDuplicatedOrLost()
    {
        Assert.NotNull(Plan);
        var planNumbers = Plan.Plan.Tasks.Select(t => t.Number).Order().ToList();
        Assert.Equal(Plan.TotalTasks, planNumbers.Count);
        Assert.Equal(planNumbers, Tasks.Select(t => t.Number).ToList());

        Assert.NotEmpty(Atoms);
        Assert.Equal(Atoms.Count, Atoms.Select(a => a.RowKey).Distinct(StringComparer.Ordinal).Count());
        foreach (var file in Atoms.GroupBy(a => a.FilePath, StringComparer.Ordinal))
        {
            Assert.Single(file.Select(a => a.FileOrdinal).Distinct());
            var indexes = file.Select(a => a.Index).Order().ToList();
            Assert.Equal(Enumerable.Range(indexes[0], indexes.Count), indexes);
            Assert.InRange(indexes[0], 0, 1);
        }

        Assert.Equal(Atoms.Count, Results.Count);
        Assert.Equal(
            Atoms.Select(a => a.RowKey).Order(StringComparer.Ordinal),
            Results.Select(r => r.Atom).Order(StringComparer.Ordinal));
    }
}
