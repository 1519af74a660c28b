using Mge.Pipeline.Storage;

namespace Mge.Pipeline.Verification;

/// <summary>
/// The verification results of a run: one row per step (table "verification") and one per test of the last test
/// run (table "tests"). Keys are the run id and the step name or the test's number, so a phase that runs again
/// overwrites its own rows; the test step's row says how many test rows belong to it.
/// </summary>
public sealed class VerificationStore(RunRepository repository)
{
    public static string StepRow(SandboxStepKind step) => step.ToString().ToLowerInvariant();

    public Task SaveStepAsync(string runId, VerificationStepRecord step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        return repository.Records.UpsertAsync(StorageNames.Verification, runId, StepRow(step.Step), step, cancellationToken);
    }

    public Task<VerificationStepRecord?> GetStepAsync(string runId, SandboxStepKind step, CancellationToken cancellationToken = default) =>
        repository.Records.GetAsync<VerificationStepRecord>(StorageNames.Verification, runId, StepRow(step), cancellationToken);

    public Task SaveTestsAsync(string runId, IReadOnlyList<TestCaseRecord> tests, CancellationToken cancellationToken = default) =>
        repository.Records.UpsertManyAsync(StorageNames.Tests, runId, tests.Select(t => KeyValuePair.Create(TestRow(t.Number), t)), cancellationToken);

    /// <summary>The tests of the last test run, in report order (rows of an earlier, longer run are not included).</summary>
    public async Task<IReadOnlyList<TestCaseRecord>> ListTestsAsync(string runId, CancellationToken cancellationToken = default)
    {
        var step = await GetStepAsync(runId, SandboxStepKind.Test, cancellationToken).ConfigureAwait(false);
        var count = step?.TestRecords ?? 0;
        var tests = new List<TestCaseRecord>();
        await foreach (var row in repository.Records.QueryAsync<TestCaseRecord>(StorageNames.Tests, runId, null, cancellationToken).ConfigureAwait(false))
        {
            if (row.Value.Number <= count)
            {
                tests.Add(row.Value);
            }
        }

        return tests;
    }

    /// <summary>The outcome the stored step rows record, or null when the phase has not stored all three.</summary>
    public async Task<VerificationOutcome?> GetOutcomeAsync(string runId, CancellationToken cancellationToken = default)
    {
        var install = await GetStepAsync(runId, SandboxStepKind.Install, cancellationToken).ConfigureAwait(false);
        var test = await GetStepAsync(runId, SandboxStepKind.Test, cancellationToken).ConfigureAwait(false);
        var smoke = await GetStepAsync(runId, SandboxStepKind.Smoke, cancellationToken).ConfigureAwait(false);
        return install is null || test is null || smoke is null ? null : VerificationOutcome.From(install, test, smoke);
    }

    private static string TestRow(int number) => number.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
}
